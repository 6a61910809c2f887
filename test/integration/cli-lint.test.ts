import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../core/package-root.js';
import { runBuiltCli } from './cli-run.js';

const GOOD = 'fixtures/lint/good/t-tsc-g8275.1.yaml';
const WRONG_DOMAIN = 'fixtures/lint/bad/t-tsc-wrong-domain.yaml';
const PORT_SECTION = 'fixtures/lint/bad/ptp4l-port-section.conf';

const lint = (...args: string[]) => runBuiltCli(['lint', ...args]);
const tmp = () => mkdtempSync(join(tmpdir(), 'ptp-mcp-lint-'));

/** The 1-based line of the first line of `file` that contains `text`. */
function lineOf(file: string, text: string): number {
  return (
    readFileSync(join(packageRoot(), file), 'utf8')
      .split('\n')
      .findIndex((l) => l.includes(text)) + 1
  );
}

describe('ptp-mcp lint: exit codes and findings', () => {
  it('fails a gate that found nothing to lint: a folder without configs, or with only a FIFO, is exit 2', () => {
    const empty = tmp();
    writeFileSync(join(empty, 'README.md'), '# not a config\n');
    const nothing = lint(empty);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain(
      `ptp-mcp: no PtpConfig YAML (.yaml, .yml) nor linuxptp config (.conf, .cfg, .config) in ${empty}: nothing was linted`,
    );
    const onlyFifo = tmp();
    execFileSync('mkfifo', [join(onlyFifo, 'ptp4l.conf')]);
    const fifo = lint(onlyFifo);
    expect(fifo.code).toBe(2);
    expect(fifo.stderr).toContain(`warning: ${join(onlyFifo, 'ptp4l.conf')}: is a FIFO (named pipe)`);
    expect(fifo.stderr).toContain('nothing was linted');
  });

  it('passes a correct G.8275.1 T-TSC: exit 0, nothing at or above moderate', () => {
    const { code, stdout } = lint(GOOD);
    expect(code).toBe(0);
    expect(stdout).toMatch(/0 at or above moderate$/m);
  });

  it('fails a broken config with exit 1 and points at the line inside the ptp4lConf block', () => {
    const { code, stdout } = lint(WRONG_DOMAIN);
    expect(code).toBe(1);
    const domainLine = lineOf(WRONG_DOMAIN, 'domainNumber 44');
    const typoLine = lineOf(WRONG_DOMAIN, 'announceReceiptTimout');
    expect(stdout).toContain(
      `${WRONG_DOMAIN}:${domainLine}:9: moderate g8275.1/domain-range domainNumber 44`,
    );
    expect(stdout).toContain(
      `${WRONG_DOMAIN}:${typoLine}:9: critical linuxptp/unknown-option ptp4l does not know option announceReceiptTimout ([global]) and refuses to start: did you mean announceReceiptTimeout?`,
    );
    expect(stdout).toContain(
      `${WRONG_DOMAIN}:${lineOf(WRONG_DOMAIN, 'phc2sysOpts')}:7: critical linuxptp/phc2sys-domain-mismatch`,
    );
  });

  it('lints a raw ptp4l.conf and a whole folder, recursively', () => {
    const { code, stdout } = lint('fixtures/lint');
    expect(code).toBe(1);
    expect(stdout).toContain(
      `${PORT_SECTION}:${lineOf(PORT_SECTION, 'clientOnly 1')}:1: critical linuxptp/global-option-in-port-section clientOnly`,
    );
    // Every fixture holds one profile; bad/ and good/ are walked.
    const files = readdirSync(join(packageRoot(), 'fixtures/lint'), { recursive: true }).filter((f) =>
      /\.(ya?ml|conf)$/.test(String(f)),
    ).length;
    expect(stdout).toMatch(new RegExp(`in ${files} profile\\(s\\) of ${files} file\\(s\\)`));
  });

  it('--fail-on decides what fails: critical passes a moderate-only config, info fails a clean one with info findings', () => {
    const dir = tmp();
    const onlyModerate = join(dir, 'domain.conf');
    writeFileSync(
      onlyModerate,
      '[global]\ndomainNumber 50\ndataset_comparison G.8275.x\nnetwork_transport L2\nptp_dst_mac 01:1B:19:00:00:00\nlogAnnounceInterval -3\nlogSyncInterval -4\nlogMinDelayReqInterval -4\ntx_timestamp_timeout 50\n[ens1f0]\n',
    );
    expect(lint(onlyModerate).code).toBe(1);
    expect(lint(onlyModerate, '--fail-on', 'critical').code).toBe(0);
    const withInfo = join(dir, 'slave.conf');
    writeFileSync(
      withInfo,
      readFileSync(onlyModerate, 'utf8').replace(
        'domainNumber 50',
        'domainNumber 24\nslaveOnly 1\nstep_threshold 2.0',
      ),
    );
    expect(lint(withInfo).code).toBe(0);
    expect(lint(withInfo, '--fail-on', 'info').code).toBe(1);
  });

  it('--pack replaces the detected standard pack', () => {
    const { stdout } = lint(WRONG_DOMAIN, '--pack', 'itu-t-g8275.2', '--format', 'json');
    const rules = JSON.parse(stdout).findings.map((f: { rule: string }) => f.rule);
    expect(rules).not.toContain('g8275.1/domain-range');
    expect(rules).toContain('g8275.2/transport-ip');
  });

  it('--linuxptp-version: an option newer than the target release is refused', () => {
    const dir = tmp();
    const file = join(dir, 'threshold.conf');
    writeFileSync(file, '[global]\nclock_class_threshold 135\n[ens1f0]\n');
    expect(lint(file, '--format', 'json').stdout).not.toContain('linuxptp/option-too-new');
    const old = JSON.parse(lint(file, '--linuxptp-version', '3.1.1', '--format', 'json').stdout);
    expect(old.findings.find((f: { rule: string }) => f.rule === 'linuxptp/option-too-new').message).toBe(
      'clock_class_threshold needs linuxptp 4.0 or later; 3.1.1 refuses the file',
    );
  });

  it('--linuxptp-version below the oldest option table is a usage error naming the supported releases', () => {
    for (const version of ['3.1', '2.0']) {
      const { code, stdout, stderr } = lint(GOOD, '--linuxptp-version', version);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(
        `--linuxptp-version: linuxptp ${version} is older than the oldest option table (3.1.1); supported: 3.1.1, 4.0, 4.1, 4.2, 4.3, 4.4 or newer`,
      );
    }
  });

  it('--linuxptp-version newer than every table: checked against the newest, and the output says so', () => {
    const dir = tmp();
    const file = join(dir, 'domain.conf');
    writeFileSync(file, '[global]\ndomainNumber 256\n[ens1f0]\n');
    const text = lint(file, '--linuxptp-version', '5.0');
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(
      /^notice: linuxptp 5\.0 is newer than the newest known table; checked against 4\.4$/m,
    );
    expect(text.stdout).toContain(
      `${file}:2:1: critical linuxptp/value-refused ptp4l refuses domainNumber 256: out of range, allowed 0..255 (linuxptp 4.4)`,
    );
    const json = JSON.parse(lint(file, '--linuxptp-version', '5.0', '--format', 'json').stdout);
    expect(json.linuxptp).toEqual({
      version: '5.0',
      table: '4.4',
      notice: 'linuxptp 5.0 is newer than the newest known table; checked against 4.4',
    });
    // A patch release between tables uses the release below it, without a notice: 3.1.1 takes domains to 127.
    const between = JSON.parse(lint(file, '--linuxptp-version', '3.1.2', '--format', 'json').stdout);
    expect(between.linuxptp).toEqual({ version: '3.1.2', table: '3.1.1', notice: null });
    expect(
      between.findings.find((f: { rule: string }) => f.rule === 'linuxptp/value-refused').message,
    ).toContain('allowed 0..127 (linuxptp 3.1.1)');
  });

  it('a value ptp4l refuses, in ptp4lConf or as a long option of ptp4lOpts, is critical at its line', () => {
    const file = 'fixtures/lint/bad/t-tsc-value-refused.yaml';
    const { code, stdout } = lint(file);
    expect(code).toBe(1);
    expect(stdout).toContain(
      `${file}:${lineOf(file, 'ptp4lOpts')}:7: critical linuxptp/value-refused ptp4l refuses summary_interval -4s: not a number, allowed -2147483648..2147483647 (linuxptp 4.4)`,
    );
    expect(stdout).toContain(
      `${file}:${lineOf(file, 'tsproc_mode filtered')}:9: critical linuxptp/value-refused ptp4l refuses tsproc_mode filtered: unknown value, allowed one of filter, raw, filter_weight, raw_weight (linuxptp 4.4)`,
    );
  });

  it('--phc gives the PHC of each interface (ethtool -T): ports on two PHCs need boundary_clock_jbod, names alone tell nothing', () => {
    const file = 'fixtures/lint/bad/t-bc-two-phcs-without-jbod.conf';
    const jbod = `${file}:${lineOf(file, 'boundary_clock_jbod 0')}:1: critical linuxptp/multi-nic-without-jbod`;
    expect(lint(file, '--phc', 'ens3f0=7', '--phc', 'ens3f1=6').stdout).toContain(jbod);
    const onePhc = lint(file, '--phc', 'ens3f0=7', '--phc', 'ens3f1=7');
    expect(onePhc.code).toBe(0);
    expect(onePhc.stdout).not.toContain('multi-nic-without-jbod');
    expect(lint(file).stdout).not.toContain('multi-nic-without-jbod');
    const bad = lint(file, '--phc', 'ens3f0');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--phc ens3f0: expected IFACE=INDEX');
  });
});

describe('ptp-mcp lint: output formats', () => {
  it('SARIF 2.1.0 that passes the SARIF schema, with rules, locations and suppressions', () => {
    const { code, stdout } = lint('fixtures/lint', '--format', 'sarif');
    expect(code).toBe(1);
    const sarif = JSON.parse(stdout);
    const schema = JSON.parse(
      readFileSync(
        join(packageRoot(), 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'),
        'utf8',
      ),
    );
    // The OASIS SARIF 2.1.0 schema is a JSON Schema draft-04 document.
    // Its patterns predate the u flag (one has a stray bracket): read them as plain RegExps.
    const ajv = new AjvDraft04.default({
      strict: false,
      allErrors: true,
      validateFormats: false,
      unicodeRegExp: false,
    });
    const validate = ajv.compile(schema);
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    // The check has teeth: a result without a message is not SARIF.
    expect(validate({ ...sarif, runs: [{ ...sarif.runs[0], results: [{ ruleId: 'x' }] }] })).toBe(false);
    const results = sarif.runs[0].results;
    const domain = results.find(
      (r: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
        r.ruleId === 'g8275.1/domain-range' &&
        r.locations[0]?.physicalLocation.artifactLocation.uri === WRONG_DOMAIN,
    );
    expect(domain.level).toBe('warning');
    expect(domain.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: WRONG_DOMAIN },
      region: { startLine: lineOf(WRONG_DOMAIN, 'domainNumber 44'), startColumn: 9 },
    });
    expect(sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toContain(
      'linuxptp/unknown-option',
    );
  });

  it('JUnit XML: a test case per profile, a failure per finding at or above --fail-on', () => {
    // The first three fixtures: the counts below are theirs (fixtures/lint grows with each rule).
    const three = [GOOD, WRONG_DOMAIN, PORT_SECTION];
    const { stdout } = lint(...three, '--format', 'junit');
    expect(stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
    // One suite per file; a clean profile is one passing case, a failing finding one failed case.
    expect(stdout).toMatch(/<testsuites name="ptp-mcp lint" tests="5" failures="4" errors="0">/);
    expect(stdout).toContain(
      '<testcase classname="fixtures/lint/good/t-tsc-g8275.1.yaml" name="t-tsc/tsc: no finding at or above moderate"/>',
    );
    expect(stdout).toMatch(
      /<testcase classname="fixtures\/lint\/bad\/t-tsc-wrong-domain.yaml" name="t-tsc-broken\/tsc: linuxptp\/unknown-option \(line 25\)"><failure type="critical" message="[^"]*announceReceiptTimout/,
    );
    expect(lint(...three, '--format', 'junit', '--fail-on', 'critical').stdout).toMatch(
      /tests="4" failures="3" errors="0"/,
    );
  });

  it('GitHub workflow commands annotate the file and line', () => {
    const { stdout } = lint(WRONG_DOMAIN, '--format', 'github', '--fail-on', 'critical');
    // Below --fail-on a finding is a warning: it annotates without claiming to fail the job.
    expect(stdout).toContain(
      `::warning file=${WRONG_DOMAIN},line=${lineOf(WRONG_DOMAIN, 'domainNumber 44')},col=9,title=g8275.1/domain-range::domainNumber 44 is outside 24..43`,
    );
    expect(stdout).toMatch(
      /^::error file=fixtures\/lint\/bad\/t-tsc-wrong-domain.yaml,line=\d+,col=9,title=linuxptp\/unknown-option::/m,
    );
  });

  it('JSON carries the summary, the packs used per profile and every finding', () => {
    const report = JSON.parse(lint(WRONG_DOMAIN, '--format', 'json').stdout);
    expect(report.summary).toMatchObject({ files: 1, profiles: 1, failOn: 'moderate', failing: 3 });
    expect(report.profiles).toEqual([
      {
        file: WRONG_DOMAIN,
        profile: 't-tsc-broken/tsc',
        packs: ['itu-t-g8275.1'],
        // Decision row 3 (core/lint/profile-standard.ts): L2 multicast outweighs the G.8275.2 domain.
        reason: "L2 multicast is G.8275.1; domainNumber 44 (G.8275.2's 44..63) is the key out of line",
      },
    ]);
  });
});

describe('ptp-mcp lint: suppressions need a reason', () => {
  it('a # ptp-mcp-ignore comment with a reason suppresses the rule in that file, and shows it', () => {
    const dir = tmp();
    const file = join(dir, 'lab.yaml');
    writeFileSync(
      file,
      readFileSync(join(packageRoot(), WRONG_DOMAIN), 'utf8').replace(
        '        domainNumber 44\n',
        '        # ptp-mcp-ignore g8275.1/domain-range lab grandmaster runs on domain 44\n        domainNumber 44\n',
      ),
    );
    const report = JSON.parse(lint(file, '--format', 'json').stdout);
    expect(report.findings.map((f: { rule: string }) => f.rule)).not.toContain('g8275.1/domain-range');
    expect(report.suppressed).toMatchObject([
      { finding: { rule: 'g8275.1/domain-range' }, reason: 'lab grandmaster runs on domain 44' },
    ]);
    expect(lint(file).stdout).toMatch(/1 suppressed/);
    const sarif = JSON.parse(lint(file, '--format', 'sarif').stdout);
    const suppressed = sarif.runs[0].results.find(
      (r: { ruleId: string }) => r.ruleId === 'g8275.1/domain-range',
    );
    expect(suppressed.suppressions).toEqual([
      { kind: 'inSource', justification: 'lab grandmaster runs on domain 44' },
    ]);
  });

  it('a comment without a reason is an error: exit 2 with file and line', () => {
    const dir = tmp();
    const file = join(dir, 'noreason.conf');
    writeFileSync(file, '[global]\n# ptp-mcp-ignore g8275.1/domain-range\ndomainNumber 44\n');
    const { code, stdout } = lint(file);
    expect(code).toBe(2);
    expect(stdout).toContain(`${file}:2: error: ptp-mcp-ignore needs a rule id and a reason`);
  });

  it('a --suppressions file matches by rule and file; one without a reason is refused at its line', () => {
    const dir = tmp();
    const good = join(dir, 'suppressions.yaml');
    writeFileSync(
      good,
      `suppressions:\n  - rule: linuxptp/unknown-option\n    reason: vendor build knows this option\n    match: { file: ${WRONG_DOMAIN} }\n`,
    );
    const report = JSON.parse(lint(WRONG_DOMAIN, '--suppressions', good, '--format', 'json').stdout);
    expect(report.suppressed.map((s: { finding: { rule: string } }) => s.finding.rule)).toEqual([
      'linuxptp/unknown-option',
    ]);
    const bad = join(dir, 'bad-suppressions.yaml');
    writeFileSync(bad, 'suppressions:\n  - rule: linuxptp/unknown-option\n    reason: ""\n');
    const refused = lint(WRONG_DOMAIN, '--suppressions', bad);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toMatch(/bad-suppressions.yaml:3: .*a suppression needs a reason/);
  });
});
