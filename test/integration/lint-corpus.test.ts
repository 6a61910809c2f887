import { relative } from 'node:path';
import { expect, it } from 'vitest';
import { lintConfigs } from '../../core/lint/lint-run.js';
import { CORPUS_DIR, corpusPath, describeCorpus } from '../corpus.js';

/**
 * The reference designs of the shared corpus (cnf-features-deploy, openshift-docs, linuxptp-daemon,
 * linuxptp's own configs, earlier MCP servers' test data) are real configurations. A moderate or
 * critical finding on one is a false positive unless the standard or linuxptp itself says otherwise:
 * each one here carries that justification, and any other one fails the test.
 */
const JUSTIFIED: Record<string, string> = {
  'linuxptp/option-too-new@linuxptp/G.8275.1.cfg:14':
    'delay_request_variability is in linuxptp master after v4.4 (config.c at f98cb5d): this cfg comes from master, and the OpenShift default target 4.4 refuses it',
  'linuxptp/option-too-new@linuxptp/default.cfg:33': 'the same option in master’s default.cfg',
  'linuxptp/option-too-new@linuxptp-daemon/ptpprofile_tbc_e810.yaml:177':
    'ts2phc.external_pps is upstream after v4.4; the daemon’s real 4.4 runs pass --ts2phc.rh_external_pps instead (corpus daemon log, 2025-09-08), so 4.4 refuses this test profile',
  'linuxptp/option-too-new@linuxptp-daemon/ptpprofile_t-tsc_e810.yaml:138': 'the same ts2phc.external_pps',
  'linuxptp/multi-nic-without-jbod@linuxptp-daemon/ptpprofile_tbc_e810.yaml:1':
    'one ptp4l with ports on NICs ens4 and ens7 and boundary_clock_jbod 0: linuxptp clock.c refuses ports of another PHC ("PHC device mismatch") unless boundary_clock_jbod is 1',
  'g8275.1/boundary-clock-class-threshold@openshift-docs/ptpconfig/ptp_PtpConfigBoundary.yaml:79':
    'clock_class_threshold 7 on a T-BC drops an upstream T-BC in holdover (class 135, G.8275.1 Table 2); openshift-docs PR #66453 changed the documented value for that reason',
};

describeCorpus('lint of the reference PtpConfigs of the corpus', () => {
  it('reads every configuration without an input error and finds only justified problems', async () => {
    const result = await lintConfigs({
      paths: [
        corpusPath('cnf-features-deploy'),
        corpusPath('openshift-docs'),
        corpusPath('linuxptp-daemon'),
        corpusPath('linuxptp'),
        corpusPath('seed-repos'),
      ],
    });
    expect(result.errors).toEqual([]);
    const linted = new Set(result.files.map((f) => relative(CORPUS_DIR, f.path)));
    for (const expected of [
      'cnf-features-deploy/PtpConfigBoundary.yaml',
      'cnf-features-deploy/PtpConfigGmWpc.yaml',
      'cnf-features-deploy/PtpConfigForHA.yaml',
      'openshift-docs/ptpconfig/ptp_PtpConfigOrdinaryClock.yaml',
      'linuxptp-daemon/ptpprofile_tgm_e810-3card.yaml',
      'linuxptp-daemon/hardwareconfig_tbc-gnrd.yaml',
      'linuxptp/G.8275.2.cfg',
      'seed-repos/ptp-mcp-server/ptpconfiglist_bc-config-1_test_ptp_server.yaml',
    ]) {
      expect(linted, expected).toContain(expected);
    }
    const serious = result.findings
      .filter((f) => f.severity === 'critical' || f.severity === 'moderate')
      .map((f) => `${f.rule}@${relative(CORPUS_DIR, f.location!.file)}:${f.location!.line}`)
      .sort();
    expect(serious).toEqual(Object.keys(JUSTIFIED).sort());
  });
});
