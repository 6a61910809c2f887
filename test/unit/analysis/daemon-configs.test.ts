import { describe, expect, it } from 'vitest';
import { DaemonConfigCollector } from '../../../core/analysis/daemon-configs.js';
import { analyzeLogText } from '../../../core/analysis/log-analyzer.js';
import { describeCorpus, readCorpus } from '../../corpus.js';

/** Klog lines as linuxptp-daemon prints them (the corpus T-BC log's shapes, daemon.go applyNodePtpProfile). */
const klog = (message: string) => `I0908 10:12:04.331804  624338 daemon.go:915] ${message}`;
const print = (...blocks: string[]) => [
  klog('------------------------------------'),
  klog('Profile Name: 01-tbc-tr'),
  ...blocks,
  klog('------------------------------------'),
];
const started = (process: string, file: string) =>
  klog(`/bin/chrt -f 10 /usr/sbin/${process} -f /var/run/${file}  -2 --summary_interval -4 -m `);

function collect(lines: string[]) {
  return analyzeLogText(`${lines.join('\n')}\n`, { year: 2025, daemonConfigs: true }).daemonConfigs ?? [];
}

describeCorpus('the configs a real linuxptp-daemon log prints', () => {
  it('gives each started process the config printed after its command line, of the last apply', () => {
    const text = readCorpus(
      'linuxptp-daemon/tbc-e810-startup-ethtool-holdover-freerun_daemon-log_excerpt.log',
    );
    const configs = analyzeLogText(text, { year: 2025, daemonConfigs: true }).daemonConfigs!;
    expect(configs.map((c) => [c.path, c.text === null])).toEqual([
      ['/var/run/ptp4l.0.config', false],
      ['/var/run/ts2phc.1.config', false],
      ['/var/run/ptp4l.1.config', false],
      // The profile sets no phc2sysConf: the daemon prints none.
      ['/var/run/phc2sys.1.config', true],
    ]);
    for (const config of configs.filter((c) => c.text !== null)) {
      const file = config.path.split('/').pop();
      expect(config.text).toContain(`message_tag [${file}:{level}]`);
    }
    // The last apply of the log (it applied its profiles twice).
    expect(configs[0]!.line).toBeGreaterThan(7000);
  });
});

describe('DaemonConfigCollector', () => {
  it('reads a block, blank lines and runtime time stamps included, until the next enveloped line', () => {
    const configs = collect([
      started('ptp4l', 'ptp4l.1.config'),
      ...print(
        klog('Ptp4lConf: #profile: 01-tbc-tr'),
        '',
        '[ens4f1]',
        'masterOnly 0',
        '2025-09-08T10:12:04.331908Z [global]',
        'message_tag [ptp4l.1.config:{level}]',
      ),
    ]);
    expect(configs).toEqual([
      {
        path: '/var/run/ptp4l.1.config',
        text: '#profile: 01-tbc-tr\n\n[ens4f1]\nmasterOnly 0\n[global]\nmessage_tag [ptp4l.1.config:{level}]\n',
        line: 3 + 1,
      },
    ]);
  });

  it('takes no block of another process, nor one whose message_tag names another file', () => {
    const configs = collect([
      started('ts2phc', 'ts2phc.1.config'),
      // printNodeProfile prints every config of the profile; ptp4l's is not rendered yet.
      ...print(
        klog('Ptp4lConf: [ens4f1]'),
        'masterOnly 0',
        klog('Ts2PhcConf: [global]'),
        'message_tag [ptp4l.0.config:{level}]',
      ),
    ]);
    expect(configs).toEqual([{ path: '/var/run/ts2phc.1.config', text: null, line: 1 }]);
  });

  it('forgets the configs of an earlier apply', () => {
    const configs = collect([
      started('ptp4l', 'ptp4l.0.config'),
      ...print(klog('Ptp4lConf: [global]'), 'message_tag [ptp4l.0.config:{level}]'),
      klog('in applyNodePTPProfiles'),
      started('ptp4l', 'ptp4l.1.config'),
      ...print(klog('Ptp4lConf: [global]'), 'message_tag [ptp4l.1.config:{level}]'),
    ]);
    expect(configs.map((c) => c.path)).toEqual(['/var/run/ptp4l.1.config']);
  });

  it('reads no config unless asked (logs analyze has no use for them)', () => {
    const lines = [
      started('ptp4l', 'ptp4l.0.config'),
      ...print(klog('Ptp4lConf: [global]'), 'message_tag [ptp4l.0.config:{level}]'),
    ];
    expect(analyzeLogText(`${lines.join('\n')}\n`, { year: 2025 }).daemonConfigs).toBeUndefined();
    expect(collect(lines).map((c) => c.path)).toEqual(['/var/run/ptp4l.0.config']);
  });

  it('says nothing of a log without an apply', () => {
    const collector = new DaemonConfigCollector();
    collector.message('Publishing event for ptp4l', 1);
    collector.continuation('[global]');
    expect(collector.result()).toEqual([]);
    expect(collect([klog('Ptp4lConf: [global]'), 'twoStepFlag 1'])).toEqual([]);
  });
});
