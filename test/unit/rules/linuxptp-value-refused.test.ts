import { describe, expect, it } from 'vitest';
import { lintText } from '../../../core/lint/lint-run.js';
import {
  LINUXPTP_OPTION_TABLES,
  type LinuxptpConfigItem,
} from '../../../core/rules/data/linuxptp-option-table.js';
import { LINUXPTP_RELEASES } from '../../../core/rules/data/linuxptp-options.js';

/**
 * For each release table (generated from linuxptp config.c), each int, uint, double and enum option gets
 * one config with values just outside what ptp4l takes (max+1, min-1, trailing garbage, an unknown enum
 * name), in the section linuxptp reads it in, and one with its bounds: the first is refused at each line,
 * the second is not.
 */
const RULE = 'linuxptp/value-refused';

/** Values parse_item() refuses: util.c get_ranged_* (strtol/strtoul/strtod) or the enum table. */
function refused(item: LinuxptpConfigItem): string[] {
  if (item.type === 'enum') return [`${item.values?.[0]}x`, 'no-such-value'];
  const min = item.min ?? 0;
  const max = item.max ?? 0;
  if (item.type === 'double') {
    // Past DBL_MAX strtod overflows (ERANGE); below DBL_MIN (the smallest positive double) lies 0.
    const above = max === Number.MAX_VALUE ? '1e309' : String(max + 1);
    const below =
      min === -Number.MAX_VALUE ? '-1e309' : min === 2.2250738585072014e-308 ? '0' : String(min - 1);
    return [above, below, '1.5e'];
  }
  return [String(max + 1), String(min - 1), `${min}x`];
}

/** The bounds themselves are taken. */
function accepted(item: LinuxptpConfigItem): string[] {
  if (item.type === 'enum') return [...(item.values ?? [])];
  return [String(item.min), String(item.max)];
}

/** `[global]` holds global options; a port option goes in a port section. Returns the text and the value lines. */
function config(name: string, item: LinuxptpConfigItem, values: string[]): { text: string; lines: number[] } {
  const head = item.scope === 'global' ? ['[global]'] : ['[global]', '[ens1f0]'];
  const lines = values.map((_, index) => head.length + index + 1);
  const tail = item.scope === 'global' ? ['[ens1f0]'] : [];
  return { text: [...head, ...values.map((value) => `${name} ${value}`), ...tail, ''].join('\n'), lines };
}

describe.each(LINUXPTP_RELEASES)('linuxptp %s: values just outside each option range', (release) => {
  const options = Object.entries(LINUXPTP_OPTION_TABLES[release]).filter(
    ([, item]) => item.type !== 'string',
  );

  it('has int, double and enum options to check', () => {
    expect(options.length).toBeGreaterThan(80);
  });

  it.each(options)(
    '%s: out-of-range values are critical at their lines, the bounds are not',
    async (name, item) => {
      const bad = config(name, item, refused(item));
      const badResult = await lintText(bad.text, `${name}.conf`, 'linuxptp', { linuxptpVersion: release });
      const refusedLines = badResult.findings
        .filter((finding) => finding.rule === RULE && finding.severity === 'critical')
        .map((finding) => finding.location?.line);
      expect(refusedLines).toEqual(bad.lines);

      const good = config(name, item, accepted(item));
      const goodResult = await lintText(good.text, `${name}.conf`, 'linuxptp', { linuxptpVersion: release });
      expect(goodResult.findings.filter((finding) => finding.rule === RULE)).toEqual([]);
    },
  );
});
