/**
 * What a configuration given as text is (stdin, an MCP client's inline config): a PtpConfig YAML says so
 * (kind, apiVersion, spec, the profile's ptp4lConf key, a list of profiles); anything else is a raw
 * linuxptp config. A small module of its own: the MCP server names a config's kind without loading lint.
 */
export function textKind(text: string): 'ptpconfig' | 'linuxptp' {
  return /^\s*(kind:\s*PtpConfig|apiVersion:|spec:|ptp4lConf:|- name:)/m.test(text)
    ? 'ptpconfig'
    : 'linuxptp';
}
