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
  'linuxptp/time-receiver-with-grandmaster-class@linuxptp-daemon/ptpprofile_tbc_e810.yaml:66':
    'clockClass 6 on a T-BC whose ens4f1 is masterOnly 0: linuxptp v4.4 bmc.c bmc_state_decision makes a clock of class 1..127 grand master or passive, never a time receiver; an addon unit-test profile (addons/intel/testdata), the real E810 T-BC of the corpus daemon log renders clockClass 248',
  'linuxptp/time-receiver-with-grandmaster-class@linuxptp-daemon/ptpprofile_t-tsc_e810.yaml:35':
    'the same clockClass 6 on the addon test T-TSC (one port, masterOnly 0, not slave-only): bmc.c never makes its port a time receiver',
  'linuxptp/slave-only-boundary-clock@seed-repos/ptp-mcp-server/ptpconfiglist_bc-config-1_test_ptp_server.yaml:35':
    'ptp4lOpts -s on a BC with ens1f1 masterOnly 1: linuxptp v4.4 port.c port_open gives every port of a clientOnly clock ptp_slave_fsm (fsm.c), which never enters MASTER, so ens1f1 never serves time',
  'g8275.1/dataset-comparison@seed-repos/ptp-mcp-server/ptpconfiglist_bc-config-1_test_ptp_server.yaml:13':
    'domain 24 with the G.8275.1 rates (-3/-4/-4) over L2 but no dataset_comparison G.8275.x: ptp4l runs the IEEE 1588 BMCA (dataset_comparison ieee1588, config.c default) instead of the alternate BMCA of G.8275.1 (linuxptp configs/G.8275.1.cfg)',
  'g8275.1/boundary-clock-class-threshold@openshift-docs/ptpconfig/ptp_PtpConfigBoundary.yaml:79':
    'clock_class_threshold 7 on a T-BC drops an upstream T-BC in holdover (class 135, G.8275.1 Table 2); openshift-docs PR #66453 changed the documented value for that reason',
  // Command line (command-line-facts.ts): the daemon's unit-test profiles, not deployed references.
  'linuxptp/phc2sys-auto-on-grandmaster@linuxptp-daemon/ptpprofile_tgm_e810-3card.yaml:7':
    'daemon test profile (pkg/daemon/testdata/profile-tgm.yaml): every port masterOnly 1 under ts2phc, so linuxptp v4.4 phc2sys.c reconfigure_domain() finds no SLAVE port and "-a -r" selects no source; the deployable T-GM references (cnf-features-deploy PtpConfigGmWpc, the daemon E825 profile) use a manual -s <iface> -r',
  'linuxptp/ts2phc-auto-domain@linuxptp-daemon/ptpprofile_tbc_e810.yaml:177':
    'daemon addon test profile: ts2phc -a with no domainNumber in ts2phcConf queries ptp4l on domain 0 (v4.4 pmc_agent.c init_pmc_node()) while ptp4l runs 24 and port.c port_ignore() drops it; the deployed variant (hardwareconfig_tbc-gnrd.yaml) sets domainNumber 24 in ts2phcConf, and the real daemon log shows ts2phc reading "config item (null).domainNumber is 24"',
  'linuxptp/ts2phc-auto-domain@linuxptp-daemon/ptpprofile_t-tsc_e810.yaml:138':
    'the same ts2phc -a without domainNumber 24',
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
