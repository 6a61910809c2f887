import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintConfigs, lintText } from '../../../core/lint/lint-run.js';
import type { Severity } from '../../../core/model/finding.js';
import { renderLintText } from '../../../transports/cli/format/lint/lint-text.js';
import { CORPUS_DIR, corpusPath, describeCorpus } from '../../corpus.js';

/**
 * Every rule of the three profile packs (itu-t-g8275.1, itu-t-g8275.2, ieee1588-default) and the role
 * checks of linuxptp-config, end to end through `lintText` with the DEFAULT pack selection: a config that
 * departs from a clean one in one key gives the rule at that key's line with its severity, and the clean
 * one does not give it. A rule that pack selection can never reach fails here.
 */

/** G.8275.1 T-TSC: cnf-features-deploy PtpConfigSlave's keys with linuxptp configs/G.8275.1.cfg's. */
const G8275_1_TSC = `[global]
clientOnly 1
domainNumber 24
clockClass 255
dataset_comparison G.8275.x
G.8275.defaultDS.localPriority 128
G.8275.portDS.localPriority 128
priority1 128
logAnnounceInterval -3
logSyncInterval -4
logMinDelayReqInterval -4
announceReceiptTimeout 3
clock_class_threshold 135
network_transport L2
ptp_dst_mac 01:1B:19:00:00:00
delay_mechanism E2E
time_stamping hardware
tx_timestamp_timeout 50
step_threshold 2.0
free_running 0
[ens1f0]
`;

/** G.8275.1 T-BC: cnf-features-deploy PtpConfigBoundary's layout (TR port masterOnly 0, TT ports 1). */
const G8275_1_TBC = G8275_1_TSC.replace('clientOnly 1\n', '')
  .replace('clockClass 255', 'clockClass 248')
  .replace('[ens1f0]\n', '[ens1f0]\nmasterOnly 0\n[ens1f1]\nmasterOnly 1\n[ens1f2]\nmasterOnly 1\n');

/** G.8275.1 T-GM: every port a time transmitter, free-running class 248 until the daemon locks it. */
const G8275_1_TGM = G8275_1_TSC.replace('clientOnly 1\n', '')
  .replace('clockClass 255', 'clockClass 248')
  .replace('[ens1f0]\n', '[ens1f0]\nmasterOnly 1\n');

/** G.8275.2 unicast time receiver: linuxptp configs/G.8275.2.cfg with its time-receiver block enabled. */
const G8275_2_CLIENT = `[global]
clientOnly 1
dataset_comparison G.8275.x
domainNumber 44
network_transport UDPv4
logAnnounceInterval 0
hybrid_e2e 1
inhibit_multicast_service 1
unicast_req_duration 60
tx_timestamp_timeout 50
step_threshold 2.0
[unicast_master_table]
table_id 1
logQueryInterval 2
UDPv4 192.168.1.11
[ens1f0]
unicast_master_table 1
`;

/** IEEE 1588 default-profile time receiver: linuxptp configs/default.cfg values. */
const DEFAULT_OC = `[global]
clientOnly 1
domainNumber 0
dataset_comparison ieee1588
network_transport UDPv4
logAnnounceInterval 1
logSyncInterval 0
announceReceiptTimeout 3
tx_timestamp_timeout 50
step_threshold 2.0
[eth0]
`;

interface Case {
  rule: string;
  severity: Severity;
  base: string;
  /** The config that departs from `base` in one key. */
  bad: string;
  /** The text of the line the finding must point at. */
  at: string;
  pack: string;
  linuxptpVersion?: string;
  phcs?: Record<string, number>;
}

const set = (base: string, from: string, to: string) => {
  if (!base.includes(from)) throw new Error(`${from} is not in the base`);
  return base.replace(from, to);
};

const CASES: Case[] = [
  // itu-t-g8275.1
  {
    rule: 'g8275.1/domain-range',
    severity: 'moderate',
    base: G8275_1_TSC,
    bad: set(G8275_1_TSC, 'domainNumber 24', 'domainNumber 0'),
    at: 'domainNumber 0',
    pack: 'itu-t-g8275.1',
  },
  {
    rule: 'g8275.1/transport-l2',
    severity: 'critical',
    base: G8275_1_TSC,
    bad: set(G8275_1_TSC, 'network_transport L2', 'network_transport UDPv4'),
    at: 'network_transport UDPv4',
    pack: 'itu-t-g8275.1',
  },
  {
    rule: 'g8275.1/destination-mac',
    severity: 'moderate',
    base: G8275_1_TSC,
    bad: set(G8275_1_TSC, 'ptp_dst_mac 01:1B:19:00:00:00', 'ptp_dst_mac 01:1B:19:00:00:01'),
    at: 'ptp_dst_mac',
    pack: 'itu-t-g8275.1',
  },
  {
    rule: 'g8275.1/dataset-comparison',
    severity: 'critical',
    base: G8275_1_TSC,
    bad: set(G8275_1_TSC, 'dataset_comparison G.8275.x', 'dataset_comparison ieee1588'),
    at: 'dataset_comparison ieee1588',
    pack: 'itu-t-g8275.1',
  },
  {
    rule: 'g8275.1/announce-rate',
    severity: 'moderate',
    base: G8275_1_TSC,
    bad: set(G8275_1_TSC, 'logAnnounceInterval -3', 'logAnnounceInterval 1'),
    at: 'logAnnounceInterval 1',
    pack: 'itu-t-g8275.1',
  },
  {
    rule: 'g8275.1/sync-rate',
    severity: 'moderate',
    base: G8275_1_TSC,
    bad: set(G8275_1_TSC, 'logSyncInterval -4', 'logSyncInterval 0'),
    at: 'logSyncInterval 0',
    pack: 'itu-t-g8275.1',
  },
  {
    rule: 'g8275.1/delay-request-rate',
    severity: 'moderate',
    base: G8275_1_TSC,
    bad: set(G8275_1_TSC, 'logMinDelayReqInterval -4', 'logMinDelayReqInterval 0'),
    at: 'logMinDelayReqInterval 0',
    pack: 'itu-t-g8275.1',
  },
  {
    rule: 'g8275.1/announce-receipt-timeout',
    severity: 'info',
    base: G8275_1_TSC,
    bad: set(G8275_1_TSC, 'announceReceiptTimeout 3', 'announceReceiptTimeout 6'),
    at: 'announceReceiptTimeout 6',
    pack: 'itu-t-g8275.1',
  },
  {
    rule: 'g8275.1/delay-mechanism-e2e',
    severity: 'critical',
    base: G8275_1_TSC,
    bad: set(G8275_1_TSC, 'delay_mechanism E2E', 'delay_mechanism P2P'),
    at: 'delay_mechanism P2P',
    pack: 'itu-t-g8275.1',
  },
  {
    rule: 'g8275.1/local-priority-range',
    severity: 'critical',
    base: G8275_1_TSC,
    bad: set(G8275_1_TSC, 'G.8275.portDS.localPriority 128', 'G.8275.portDS.localPriority 0'),
    at: 'G.8275.portDS.localPriority 0',
    pack: 'itu-t-g8275.1',
  },
  {
    rule: 'g8275.1/local-priority-non-default',
    severity: 'info',
    base: G8275_1_TSC,
    bad: set(G8275_1_TSC, 'G.8275.defaultDS.localPriority 128', 'G.8275.defaultDS.localPriority 100'),
    at: 'G.8275.defaultDS.localPriority 100',
    pack: 'itu-t-g8275.1',
  },
  {
    rule: 'g8275.1/priority1-ignored',
    severity: 'info',
    base: G8275_1_TSC,
    bad: set(G8275_1_TSC, 'priority1 128', 'priority1 100'),
    at: 'priority1 100',
    pack: 'itu-t-g8275.1',
  },
  {
    rule: 'g8275.1/grandmaster-clock-class',
    severity: 'minor',
    base: G8275_1_TGM,
    bad: set(G8275_1_TGM, 'clockClass 248', 'clockClass 135'),
    at: 'clockClass 135',
    pack: 'itu-t-g8275.1',
  },
  {
    rule: 'g8275.1/grandmaster-slave-only-class',
    severity: 'info',
    base: G8275_1_TGM,
    bad: set(G8275_1_TGM, 'clockClass 248', 'clockClass 255'),
    at: 'clockClass 255',
    pack: 'itu-t-g8275.1',
  },
  {
    rule: 'g8275.1/boundary-clock-class-threshold',
    severity: 'moderate',
    base: G8275_1_TBC,
    bad: set(G8275_1_TBC, 'clock_class_threshold 135', 'clock_class_threshold 7'),
    at: 'clock_class_threshold 7',
    pack: 'itu-t-g8275.1',
  },
  {
    rule: 'g8275.1/slave-only-time-receiver',
    severity: 'info',
    base: G8275_1_TSC,
    bad: set(set(G8275_1_TSC, 'clientOnly 1\n', ''), 'clockClass 255', 'clockClass 248').replace(
      '[ens1f0]\n',
      '[ens1f0]\nmasterOnly 0\n',
    ),
    at: '[global]',
    pack: 'itu-t-g8275.1',
  },
  {
    rule: 'g8275.1/transmit-port-not-master-only',
    severity: 'minor',
    base: G8275_1_TBC,
    bad: set(G8275_1_TBC, '[ens1f2]\nmasterOnly 1\n', '[ens1f2]\n'),
    at: '[ens1f2]',
    pack: 'itu-t-g8275.1',
  },
  {
    rule: 'g8275.1/port-transport-l2',
    severity: 'critical',
    base: G8275_1_TBC,
    bad: set(G8275_1_TBC, '[ens1f2]\nmasterOnly 1\n', '[ens1f2]\nmasterOnly 1\nnetwork_transport UDPv4\n'),
    at: 'network_transport UDPv4',
    pack: 'itu-t-g8275.1',
  },
  // itu-t-g8275.2
  {
    rule: 'g8275.2/domain-range',
    severity: 'moderate',
    base: G8275_2_CLIENT,
    bad: set(G8275_2_CLIENT, 'domainNumber 44', 'domainNumber 64'),
    at: 'domainNumber 64',
    pack: 'itu-t-g8275.2',
  },
  {
    rule: 'g8275.2/transport-ip',
    severity: 'critical',
    base: G8275_2_CLIENT,
    bad: set(G8275_2_CLIENT, 'network_transport UDPv4', 'network_transport L2'),
    at: 'network_transport L2',
    pack: 'itu-t-g8275.2',
  },
  {
    rule: 'g8275.2/dataset-comparison',
    severity: 'critical',
    base: G8275_2_CLIENT,
    bad: set(G8275_2_CLIENT, 'dataset_comparison G.8275.x', 'dataset_comparison ieee1588'),
    at: 'dataset_comparison ieee1588',
    pack: 'itu-t-g8275.2',
  },
  {
    rule: 'g8275.2/unicast',
    severity: 'moderate',
    base: G8275_2_CLIENT,
    bad: set(G8275_2_CLIENT, '[ens1f0]\nunicast_master_table 1\n', '[ens1f0]\n'),
    at: '[global]',
    pack: 'itu-t-g8275.2',
  },
  {
    rule: 'g8275.2/port-transport-ip',
    severity: 'critical',
    base: G8275_2_CLIENT,
    bad: set(G8275_2_CLIENT, 'unicast_master_table 1\n', 'unicast_master_table 1\nnetwork_transport L2\n'),
    at: 'network_transport L2',
    pack: 'itu-t-g8275.2',
  },
  // ieee1588-default
  {
    rule: 'ieee1588/announce-interval-range',
    severity: 'minor',
    base: DEFAULT_OC,
    bad: set(DEFAULT_OC, 'logAnnounceInterval 1', 'logAnnounceInterval -3'),
    at: 'logAnnounceInterval -3',
    pack: 'ieee1588-default',
  },
  {
    rule: 'ieee1588/sync-interval-range',
    severity: 'minor',
    base: DEFAULT_OC,
    bad: set(DEFAULT_OC, 'logSyncInterval 0', 'logSyncInterval -4'),
    at: 'logSyncInterval -4',
    pack: 'ieee1588-default',
  },
  {
    rule: 'ieee1588/announce-receipt-timeout-range',
    severity: 'minor',
    base: DEFAULT_OC,
    bad: set(DEFAULT_OC, 'announceReceiptTimeout 3', 'announceReceiptTimeout 11'),
    at: 'announceReceiptTimeout 11',
    pack: 'ieee1588-default',
  },
  {
    rule: 'ieee1588/telecom-options',
    severity: 'info',
    base: DEFAULT_OC,
    bad: set(DEFAULT_OC, 'dataset_comparison ieee1588', 'dataset_comparison G.8275.x'),
    at: 'dataset_comparison G.8275.x',
    pack: 'ieee1588-default',
  },
  // linuxptp-config: role-aware checks
  {
    rule: 'linuxptp/slave-only-clock-class-ignored',
    severity: 'info',
    base: G8275_1_TSC,
    bad: set(G8275_1_TSC, 'clockClass 255', 'clockClass 248'),
    at: 'clockClass 248',
    pack: 'itu-t-g8275.1',
  },
  {
    rule: 'linuxptp/free-running-time-receiver',
    severity: 'critical',
    base: G8275_1_TSC,
    bad: set(G8275_1_TSC, 'free_running 0', 'free_running 1'),
    at: 'free_running 1',
    pack: 'itu-t-g8275.1',
  },
  {
    rule: 'linuxptp/free-running-time-receiver',
    severity: 'critical',
    base: G8275_1_TBC,
    bad: set(G8275_1_TBC, 'free_running 0', 'free_running 1'),
    at: 'free_running 1',
    pack: 'itu-t-g8275.1',
  },
  {
    rule: 'linuxptp/slave-only-boundary-clock',
    severity: 'critical',
    base: G8275_1_TBC,
    bad: set(G8275_1_TBC, 'domainNumber 24', 'slaveOnly 1\ndomainNumber 24'),
    at: 'slaveOnly 1',
    pack: 'itu-t-g8275.1',
  },
  {
    rule: 'linuxptp/time-receiver-with-grandmaster-class',
    severity: 'critical',
    base: G8275_1_TBC,
    bad: set(G8275_1_TBC, 'clockClass 248', 'clockClass 6'),
    at: 'clockClass 6',
    pack: 'itu-t-g8275.1',
  },
  {
    rule: 'linuxptp/time-receiver-with-grandmaster-class',
    severity: 'critical',
    base: G8275_1_TBC,
    bad: set(G8275_1_TBC, 'clockClass 248', 'clockClass 7'),
    at: 'clockClass 7',
    pack: 'itu-t-g8275.1',
  },
  {
    rule: 'linuxptp/jbod-switch-phc-fault',
    severity: 'critical',
    base: `${set(DEFAULT_OC, 'clientOnly 1\n', 'time_stamping software\n')}[eth1]\n`,
    bad: `${set(DEFAULT_OC, 'clientOnly 1\n', 'time_stamping software\nboundary_clock_jbod 1\n')}[eth1]\n`,
    at: 'boundary_clock_jbod 1',
    pack: 'ieee1588-default',
    linuxptpVersion: '3.1.1',
  },
  {
    rule: 'linuxptp/jbod-without-phc',
    severity: 'info',
    base: `${set(DEFAULT_OC, 'clientOnly 1\n', 'time_stamping software\n')}[eth1]\n`,
    bad: `${set(DEFAULT_OC, 'clientOnly 1\n', 'time_stamping software\nboundary_clock_jbod 1\n')}[eth1]\n`,
    at: 'boundary_clock_jbod 1',
    pack: 'ieee1588-default',
  },
  {
    rule: 'linuxptp/multi-nic-without-jbod',
    severity: 'critical',
    base: set(G8275_1_TBC, 'free_running 0', 'free_running 0\nboundary_clock_jbod 1'),
    bad: set(G8275_1_TBC, 'free_running 0', 'free_running 0\nboundary_clock_jbod 0'),
    at: 'boundary_clock_jbod 0',
    pack: 'itu-t-g8275.1',
    phcs: { ens1f0: 1, ens1f1: 2, ens1f2: 2 },
  },
];

const lineOf = (text: string, at: string) => text.split('\n').findIndex((line) => line.startsWith(at)) + 1;

async function lint(text: string, c: Pick<Case, 'linuxptpVersion' | 'phcs'>) {
  return lintText(text, 'case.conf', 'linuxptp', { linuxptpVersion: c.linuxptpVersion, phcs: c.phcs });
}

describe('each rule of the profile packs fires end to end, with the pack chosen from the config', () => {
  for (const c of CASES) {
    it(`${c.rule} (${c.severity}) at the line of "${c.at}"`, async () => {
      const bad = await lint(c.bad, c);
      expect(bad.errors).toEqual([]);
      expect(bad.profiles[0]!.packs).toEqual([c.pack]);
      const found = bad.findings.filter((f) => f.rule === c.rule);
      expect(found.map((f) => [f.severity, f.location?.line])).toEqual([[c.severity, lineOf(c.bad, c.at)]]);
      // A remediation names the change from the current value, never the value the config already has.
      for (const f of found) if (f.remediation) expect(f.remediation).not.toMatch(/\?/);

      const good = await lint(c.base, c);
      expect(good.profiles[0]!.packs).toEqual([c.pack]);
      expect(good.findings.filter((f) => f.rule === c.rule)).toEqual([]);
    });
  }

  it('the clean bases find nothing above info', async () => {
    for (const base of [G8275_1_TSC, G8275_1_TBC, G8275_1_TGM, G8275_2_CLIENT, DEFAULT_OC]) {
      const result = await lint(base, {});
      expect(result.findings.filter((f) => f.severity !== 'info').map((f) => f.rule)).toEqual([]);
    }
  });
});

describe('signals that disagree: the finding is the key out of line, not advice for another profile', () => {
  it('domain 24 on UDPv4: G.8275.1 pack, transport-l2 at network_transport, no advice for domain 44 or unicast', async () => {
    const text = set(G8275_1_TSC, 'network_transport L2', 'network_transport UDPv4');
    const result = await lint(text, {});
    expect(result.profiles[0]).toMatchObject({
      packs: ['itu-t-g8275.1'],
      reason: 'domainNumber 24 is in 24..43 (G.8275.1)',
    });
    const rules = result.findings.map((f) => f.rule);
    expect(rules).toContain('g8275.1/transport-l2');
    expect(rules.filter((r) => /g8275\.2|domain-range/.test(r))).toEqual([]);
    const transport = result.findings.find((f) => f.rule === 'g8275.1/transport-l2')!;
    expect(transport.remediation).toContain('Set network_transport L2 (from UDPv4)');
  });

  it('port sections that all say L2 outweigh a global UDPv4: no transport finding', async () => {
    const text = set(G8275_1_TBC, 'network_transport L2', 'network_transport UDPv4').replace(
      /masterOnly (\d)\n/g,
      'masterOnly $1\nnetwork_transport L2\n',
    );
    const result = await lint(text, {});
    expect(result.profiles[0]!.packs).toEqual(['itu-t-g8275.1']);
    expect(result.findings.filter((f) => /transport/.test(f.rule))).toEqual([]);
  });

  it('-4 in ptp4lOpts overrides the file: the finding points at ptp4lOpts', async () => {
    const yaml = `apiVersion: ptp.openshift.io/v1
kind: PtpConfig
metadata:
  name: tsc
  namespace: openshift-ptp
spec:
  profile:
    - name: tsc
      ptp4lOpts: "-4 -s"
      ptp4lConf: |
${G8275_1_TSC.split('\n')
  .map((l) => `        ${l}`)
  .join('\n')}
  recommend:
    - profile: tsc
      priority: 4
`;
    const result = await lintText(yaml, 'tsc.yaml', 'ptpconfig', {});
    expect(result.profiles[0]!.packs).toEqual(['itu-t-g8275.1']);
    const transport = result.findings.find((f) => f.rule === 'g8275.1/transport-l2');
    expect(transport?.location?.line).toBe(9);
    expect(transport?.message).toContain('network_transport UDPv4');
  });

  it('a telecom profile (domain 24, G.8275.1 rates) that forgot dataset_comparison: g8275.1/dataset-comparison, not the default profile ranges', async () => {
    const text = G8275_1_TSC.replace('dataset_comparison G.8275.x\n', '');
    const result = await lint(text, {});
    const rules = result.findings.map((f) => f.rule);
    expect(rules).toContain('g8275.1/dataset-comparison');
    expect(rules.filter((r) => r.startsWith('ieee1588/'))).toEqual([]);
  });

  it('linuxptp G.8275.2.cfg on domain 24: the G.8275.2 pack, the domain is the finding', async () => {
    const text = set(G8275_2_CLIENT, 'domainNumber 44', 'domainNumber 24');
    const result = await lint(text, {});
    expect(result.profiles[0]!.packs).toEqual(['itu-t-g8275.2']);
    expect(result.findings.map((f) => [f.rule, f.location?.line])).toContainEqual([
      'g8275.2/domain-range',
      lineOf(text, 'domainNumber 24'),
    ]);
    expect(result.findings.filter((f) => f.rule.startsWith('g8275.1/'))).toEqual([]);
  });

  it('the text output names the pack and why when the signals disagree, and says nothing when they agree', async () => {
    const d44 = await lint(set(G8275_1_TSC, 'domainNumber 24', 'domainNumber 44'), {});
    expect(renderLintText(d44, 'moderate')).toContain(
      "case.conf: pack itu-t-g8275.1 for [case.conf]: L2 multicast is G.8275.1; domainNumber 44 (G.8275.2's 44..63) is the key out of line",
    );
    expect(renderLintText(await lint(G8275_1_TSC, {}), 'moderate')).not.toContain(': pack ');
  });

  it('--pack is reported as the reason', async () => {
    const result = await lintText(G8275_1_TSC, 'x.conf', 'linuxptp', { packs: ['itu-t-g8275.2'] });
    expect(result.profiles[0]).toMatchObject({ packs: ['itu-t-g8275.2'], reason: 'requested (--pack)' });
  });
});

describe('interface names do not tell the PHCs: no jbod finding without hardware knowledge', () => {
  it('ports on ens1 and ens2 without jbod: silent at lint time, critical when ethtool says two PHCs', async () => {
    const text =
      '[global]\ndomainNumber 24\nboundary_clock_jbod 0\n[ens1f0]\nmasterOnly 0\n[ens2f0]\nmasterOnly 1\n';
    const blind = await lint(text, {});
    expect(blind.findings.filter((f) => f.rule === 'linuxptp/multi-nic-without-jbod')).toEqual([]);
    const twoPhcs = await lint(text, { phcs: { ens1f0: 3, ens2f0: 4 } });
    expect(
      twoPhcs.findings
        .filter((f) => f.rule === 'linuxptp/multi-nic-without-jbod')
        .map((f) => f.location?.line),
    ).toEqual([3]);
    // X710 ports of one card each have their own PHC (corpus ethtool: ens3f0 ptp7, ens3f1 ptp6).
    const x710 = await lint(text.replace(/ens2f0/g, 'ens1f1'), { phcs: { ens1f0: 7, ens1f1: 6 } });
    expect(x710.findings.filter((f) => f.rule === 'linuxptp/multi-nic-without-jbod')).toHaveLength(1);
  });
});

const ROLE_RULES = [
  'linuxptp/slave-only-clock-class-ignored',
  'linuxptp/free-running-time-receiver',
  'linuxptp/slave-only-boundary-clock',
  'linuxptp/time-receiver-with-grandmaster-class',
  'linuxptp/jbod-switch-phc-fault',
  'linuxptp/jbod-without-phc',
  'linuxptp/multi-nic-without-jbod',
  'g8275.1/transmit-port-not-master-only',
];

describeCorpus('the OpenShift reference T-BC, T-TSC and T-GM PtpConfigs', () => {
  it('are linted with the G.8275.1 pack and give no role finding', async () => {
    const result = await lintConfigs({
      paths: [corpusPath('cnf-features-deploy'), corpusPath('openshift-docs')],
    });
    const ptp4lProfiles = result.profiles.filter((p) => !p.reason.startsWith('no ptp4l'));
    expect(ptp4lProfiles.length).toBeGreaterThan(10);
    for (const profile of ptp4lProfiles)
      expect([relative(CORPUS_DIR, profile.file), profile.packs]).toEqual([
        relative(CORPUS_DIR, profile.file),
        ['itu-t-g8275.1'],
      ]);
    expect(result.findings.filter((f) => ROLE_RULES.includes(f.rule)).map((f) => f.rule)).toEqual([]);
  });
});
