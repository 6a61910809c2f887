import { describe, expect, it } from 'vitest';
import { holdoverEpisodes, syncLossEpisodes } from '../../../core/analysis/episodes.js';
import { analyzeLogText } from '../../../core/analysis/log-analyzer.js';
import type { ProcessTimeline } from '../../../core/model/process-timeline.js';
import { describeCorpus, readCorpus } from '../../corpus.js';

const TBC_RECOVERY = 'linuxptp-daemon/tbc-e810-holdover-recovery_daemon-log_excerpt.log';
const TBC_FREERUN = 'linuxptp-daemon/tbc-e810-startup-ethtool-holdover-freerun_daemon-log_excerpt.log';

const find = (processes: ProcessTimeline[], name: string, tag: string | null) =>
  processes.find((p) => p.name === name && p.configTag === tag)!;

describeCorpus('episodes in real T-BC logs', () => {
  it('a holdover of about a minute that recovered, and the sync loss of the upstream port', () => {
    const analysis = analyzeLogText(readCorpus(TBC_RECOVERY));
    const [holdover, ...more] = holdoverEpisodes(analysis.processes, analysis.timeRange.last);
    expect(more).toEqual([]);
    expect(holdover).toMatchObject({ source: 'T-BC-STATUS', iface: 'ens4f0', outcome: 'recovered' });
    expect(holdover!.durationMs).toBe(61_000);

    const losses = syncLossEpisodes(
      find(analysis.processes, 'ptp4l', 'ptp4l.1.config'),
      analysis.timeRange.last,
    );
    expect(losses).toHaveLength(1);
    expect(losses[0]).toMatchObject({
      iface: 'ens4f1',
      ongoing: false,
      cause: 'SLAVE to FAULTY on FAULT_DETECTED (FT_UNSPECIFIED)',
    });
    expect(losses[0]!.durationMs).toBeGreaterThan(15_000);
    expect(losses[0]!.durationMs).toBeLessThan(25_000);
  });

  it('a holdover that ran out into free-run', () => {
    const analysis = analyzeLogText(readCorpus(TBC_FREERUN));
    const episodes = holdoverEpisodes(analysis.processes, analysis.timeRange.last);
    expect(episodes.map((e) => e.outcome)).toEqual(['freerun']);
  });

  it('a grandmaster ptp4l without a slave port has no sync loss', () => {
    const analysis = analyzeLogText(readCorpus(TBC_RECOVERY));
    expect(
      syncLossEpisodes(find(analysis.processes, 'ptp4l', 'ptp4l.0.config'), analysis.timeRange.last),
    ).toEqual([]);
  });
});

describe('episodes from hand-made timelines', () => {
  const base = analyzeLogText(
    [
      'phc2sys[10.000]: [ptp4l.0.config:6] CLOCK_REALTIME phc offset 900 s0 freq +1 delay 500',
      'phc2sys[11.000]: [ptp4l.0.config:6] CLOCK_REALTIME phc offset 5 s2 freq +1 delay 500',
      'phc2sys[12.000]: [ptp4l.0.config:6] CLOCK_REALTIME phc offset 90000 s0 freq +1 delay 500',
      'phc2sys[15.500]: [ptp4l.0.config:6] CLOCK_REALTIME phc offset 3 s2 freq +1 delay 500',
      'phc2sys[16.000]: [ptp4l.0.config:6] CLOCK_REALTIME phc offset 70000 s1 freq +1 delay 500',
      'phc2sys[20.000]: [ptp4l.0.config:6] CLOCK_REALTIME phc offset 60000 s0 freq +1 delay 500',
    ].join('\n'),
  );

  it('counts a servo loss only after the first lock, and measures an open one to the end of the data', () => {
    const phc2sys = find(base.processes, 'phc2sys', 'ptp4l.0.config');
    const episodes = syncLossEpisodes(phc2sys, base.timeRange.last);
    expect(episodes.map((e) => [e.cause, e.durationMs, e.ongoing])).toEqual([
      ['servo s2 to s0', 3500, false],
      ['servo s2 to s1', 4000, true],
    ]);
  });

  it('a T-BC still in holdover at the end is ongoing', () => {
    const analysis = analyzeLogText(
      [
        'T-BC[1763625600]:[ts2phc.0.config] ens1f0 offset 0 T-BC-STATUS s2',
        'T-BC[1763625610]:[ts2phc.0.config] ens1f0 offset 0 T-BC-STATUS s1',
        'T-BC[1763625670]:[ts2phc.0.config] ens1f0 offset 3 T-BC-STATUS s1',
      ].join('\n'),
    );
    expect(holdoverEpisodes(analysis.processes, analysis.timeRange.last)).toMatchObject([
      { source: 'T-BC-STATUS', outcome: 'ongoing', durationMs: 60_000, end: null },
    ]);
  });

  // Real ptp4l 3.1.1 on the ntpshm servo (its port never reaches SLAVE) when its link goes down for 3 s:
  // fixtures/lab/link-flap, node tsc.
  const ntpshmLinkFlap = [
    'ptp4l[726.116]: [ptp4l.0.config] port 1: LISTENING to UNCALIBRATED on RS_SLAVE',
    'ptp4l[729.120]: [ptp4l.0.config] port 1: link down',
    'ptp4l[729.120]: [ptp4l.0.config] port 1: UNCALIBRATED to FAULTY on FAULT_DETECTED (FT_UNSPECIFIED)',
    'ptp4l[732.468]: [ptp4l.0.config] port 1: link up',
    'ptp4l[732.471]: [ptp4l.0.config] port 1: FAULTY to LISTENING on INIT_COMPLETE',
    'ptp4l[733.101]: [ptp4l.0.config] port 1: LISTENING to UNCALIBRATED on RS_SLAVE',
  ];

  it('a port that never locked loses its master when it leaves UNCALIBRATED, and regains it there', () => {
    const analysis = analyzeLogText(ntpshmLinkFlap.join('\n'));
    const ptp4l = find(analysis.processes, 'ptp4l', 'ptp4l.0.config');
    expect(syncLossEpisodes(ptp4l, analysis.timeRange.last)).toMatchObject([
      {
        cause: 'UNCALIBRATED to FAULTY on FAULT_DETECTED (FT_UNSPECIFIED)',
        durationMs: 3981,
        ongoing: false,
      },
    ]);
  });

  it('once a port was SLAVE, UNCALIBRATED is a loss of sync again, as before', () => {
    const analysis = analyzeLogText(
      [
        ...ntpshmLinkFlap.slice(0, 1),
        'ptp4l[727.000]: [ptp4l.0.config] port 1: UNCALIBRATED to SLAVE on MASTER_CLOCK_SELECTED',
        'ptp4l[728.000]: [ptp4l.0.config] port 1: SLAVE to UNCALIBRATED on SYNCHRONIZATION_FAULT',
        'ptp4l[730.000]: [ptp4l.0.config] port 1: UNCALIBRATED to SLAVE on MASTER_CLOCK_SELECTED',
      ].join('\n'),
    );
    const ptp4l = find(analysis.processes, 'ptp4l', 'ptp4l.0.config');
    expect(syncLossEpisodes(ptp4l, analysis.timeRange.last)).toMatchObject([
      { cause: 'SLAVE to UNCALIBRATED on SYNCHRONIZATION_FAULT', durationMs: 2000, ongoing: false },
    ]);
  });
});
