import { describe, expect, it } from 'vitest';
import { parsePrometheusText } from '../../../core/parsers/prometheus-exposition.js';
import { decodePtpMetrics } from '../../../core/parsers/ptp-metric-decoding.js';
import { describeCorpus, readCorpus } from '../../corpus.js';

describeCorpus('real metrics scrapes', () => {
  it('an OC slave through cloud-event-proxy: every line parses, HELP and TYPE are kept', () => {
    const text = readCorpus('cloud-event-proxy/metrics_oc-slave_curl-9091_plugins-README.prom');
    const parsed = parsePrometheusText(text);
    expect(parsed.unparsedLines).toBe(0);
    const role = parsed.families.find((f) => f.name === 'openshift_ptp_interface_role');
    expect(role).toMatchObject({ type: 'gauge', help: expect.stringMatching(/^0 = PASSIVE, 1 = SLAVE/) });
    expect(parsed.families.find((f) => f.name === 'openshift_ptp_process_restart_count')?.type).toBe(
      'counter',
    );
    const metrics = decodePtpMetrics(parsed.samples);
    expect(metrics.find((m) => m.metric === 'interface_role')).toMatchObject({
      iface: 'ens2f0',
      value: 1,
      decoded: 'SLAVE',
    });
    expect(metrics.find((m) => m.metric === 'clock_class')).toMatchObject({
      value: 135,
      decoded: 'T-BC HOLDOVER IN SPEC',
    });
    expect(parsed.samples.some((s) => s.name.startsWith('cne_'))).toBe(true);
  });

  it('a T-GM: DPLL, GNSS, NMEA and process states decoded', () => {
    const metrics = decodePtpMetrics(
      parsePrometheusText(readCorpus('ptp-operator/metrics_tgm_from-conformance-test-comments.prom')).samples,
    );
    expect(metrics.find((m) => m.metric === 'frequency_status')).toMatchObject({
      process: 'dpll',
      decoded: 'LOCKED_HO_ACQ',
    });
    expect(metrics.find((m) => m.metric === 'clock_state' && m.process === 'GM')).toMatchObject({
      decoded: 'LOCKED',
    });
    expect(metrics.find((m) => m.metric === 'nmea_status')).toMatchObject({ decoded: 'AVAILABLE' });
    expect(metrics.filter((m) => m.metric === 'process_status').every((m) => m.decoded === 'UP')).toBe(true);
  });

  it('the metrics reference examples, label sets written with spaces after commas', () => {
    const parsed = parsePrometheusText(readCorpus('openshift-docs/metrics-reference_examples.prom'));
    expect(parsed.unparsedLines).toBe(0);
    expect(parsed.samples.find((s) => s.name === 'openshift_ptp_delay_ns')?.labels).toEqual({
      from: 'master',
      iface: 'ens2fx',
      node: 'compute-1.example.com',
      process: 'ts2phc',
    });
  });
});

describe('exposition format details', () => {
  const parsed = parsePrometheusText(
    [
      '# HELP x_total A help with \\\\ and \\n escapes',
      '# TYPE x_total counter',
      'x_total{path="/a,b}",quote="say \\"hi\\"",nl="a\\nb",} 1.5e3 1700000000000',
      'y{} +Inf',
      'y -Inf',
      'z NaN',
      '# just a comment',
      'bad{label="unterminated} 1',
      'no_value{a="b"}',
      'w 1 not-a-timestamp',
      '\r',
    ].join('\r\n'),
  );

  it('reads escapes, commas and braces inside quotes, a trailing comma and a timestamp', () => {
    expect(parsed.families[0]).toEqual({
      name: 'x_total',
      type: 'counter',
      help: 'A help with \\ and \n escapes',
    });
    expect(parsed.samples[0]).toEqual({
      name: 'x_total',
      labels: { path: '/a,b}', quote: 'say "hi"', nl: 'a\nb' },
      value: 1500,
      timestampMs: 1_700_000_000_000,
      line: 3,
    });
  });

  it('reads +Inf, -Inf and NaN', () => {
    expect(parsed.samples.slice(1).map((s) => s.value)).toEqual([
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      Number.NaN,
    ]);
  });

  it('counts and describes bad lines', () => {
    expect(parsed.unparsedLines).toBe(3);
    expect(parsed.diagnostics.map((d) => d.line)).toEqual([8, 9, 10]);
    expect(parsed.diagnostics[0]!.message).toMatch(/unterminated/);
  });

  it('flags the daemon sentinel offsets', () => {
    const metrics = decodePtpMetrics(
      parsePrometheusText(
        'openshift_ptp_offset_ns{from="master",iface="ens1fx",node="n",process="ptp4l"} 999999\nopenshift_ptp_offset_ns{from="T-BC",iface="ens1fx",node="n",process="T-BC"} 99999999999\n',
      ).samples,
    );
    expect(metrics.map((m) => m.sentinel)).toEqual([
      expect.stringMatching(/faulty port/),
      expect.stringMatching(/FREERUN/),
    ]);
  });

  it('never throws on garbage or a huge line', () => {
    const garbage = String.fromCharCode(...Array.from({ length: 4000 }, (_, i) => (i * 37) % 256));
    expect(parsePrometheusText(garbage).samples).toEqual([]);
    expect(parsePrometheusText(`x{a="${'b'.repeat(10_000_000)}"} 1\n`).samples[0]!.labels.a).toHaveLength(
      10_000_000,
    );
    expect(parsePrometheusText('')).toEqual({ families: [], samples: [], unparsedLines: 0, diagnostics: [] });
  });
});
