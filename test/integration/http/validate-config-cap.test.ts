import { describe, expect, it } from 'vitest';
import { lintText } from '../../../core/lint/lint-run.js';
import {
  type CappedFindings,
  cappedFindings,
  FINDINGS_PER_RULE,
  MAX_FINDINGS,
} from '../../../transports/mcp/toolsets/capped-findings.js';
import { connect, serveHttp, textOf } from '../mcp/mcp-client.js';

/**
 * A linuxptp config of `bytes` with a misplaced and a misspelt option in every port section (two
 * findings of two rules per port), and a bad domain: thousands of findings of three rules.
 */
function configWithManyFindings(bytes: number): string {
  let text = '[global]\ndomainNumber 99\n';
  for (let i = 0; text.length < bytes; i++) text += `[eth${i}]\nmasterOnly 0\nlogAnounceInterval 1\n`;
  return text;
}

/** The tool's answer, as far as these tests read it. */
type Answer = CappedFindings & { passed: boolean };

describe('validate_ptp_config on a configuration of megabytes (the built server)', () => {
  it('answers the first findings of each rule with the counts of all, not megabytes of JSON', async () => {
    const text = configWithManyFindings(600_000);
    const server = await serveHttp([]);
    try {
      const client = await connect(server.url);
      const result = await client.callTool(
        { name: 'validate_ptp_config', arguments: { content: text } },
        undefined,
        { timeout: 300_000 },
      );
      const answer = result.structuredContent as unknown as Answer;
      const here = await lintText(text, 'inline.conf', 'linuxptp', {});
      expect(here.findings.length).toBeGreaterThan(20_000);
      expect(answer.passed).toBe(false);
      expect(answer.truncated).toBe(true);
      expect(answer.findingCounts.total).toBe(here.findings.length);
      expect(answer.findingCounts.shown).toBe(answer.findings.length);
      const bySeverity = Object.values(answer.findingCounts.bySeverity).reduce((a, b) => a + b, 0);
      expect(bySeverity).toBe(here.findings.length);
      const omitted = Object.values(answer.findingCounts.omittedByRule).reduce((a, b) => a + b, 0);
      expect(answer.findings.length + omitted).toBe(here.findings.length);
      // The first of each rule, in the lint's order (worst first).
      const rules = new Set(here.findings.map((f) => f.rule));
      expect(answer.findings.length).toBeLessThanOrEqual(
        Math.min(MAX_FINDINGS, rules.size * FINDINGS_PER_RULE),
      );
      for (const rule of rules)
        expect(answer.findings.filter((f) => f.rule === rule).length, rule).toBe(
          Math.min(FINDINGS_PER_RULE, here.findings.filter((f) => f.rule === rule).length),
        );
      expect(answer.findings.map((f) => f.rule)).toEqual(
        cappedFindings(here.findings).findings.map((f) => f.rule),
      );
      expect(textOf(result)).toMatch(/^truncated: \d+ of \d+ finding\(s\) shown/m);
      // The whole answer (structured content and text): kilobytes, where all findings were tens of MB.
      expect(JSON.stringify(result).length).toBeLessThan(300_000);
      await client.close();
    } finally {
      server.process.kill('SIGTERM');
    }
  }, 300_000);

  it('answers every finding, untruncated, when there are few', async () => {
    const server = await serveHttp([]);
    try {
      const client = await connect(server.url);
      const text = configWithManyFindings(100);
      const result = await client.callTool({ name: 'validate_ptp_config', arguments: { content: text } });
      const answer = result.structuredContent as unknown as Answer;
      const here = await lintText(text, 'inline.conf', 'linuxptp', {});
      expect(answer.truncated).toBe(false);
      expect(answer.findings).toHaveLength(here.findings.length);
      expect(answer.findingCounts).toMatchObject({ total: here.findings.length, omittedByRule: {} });
      await client.close();
    } finally {
      server.process.kill('SIGTERM');
    }
  });
});
