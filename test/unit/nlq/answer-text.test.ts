import { describe, expect, it } from 'vitest';
import type { AnswerPart } from '../../../core/nlq/answer-spec.js';
import { AnswerSpec } from '../../../core/nlq/answer-spec.js';
import { answerSentences, templateProblem } from '../../../core/nlq/answer-text.js';
import { createService } from '../../../transports/composition-root.js';
import { toolContext } from '../../../transports/mcp/tool-context.js';
import { TOOLS } from '../../../transports/mcp/tools.js';

const context = toolContext({ service: async () => createService(), defaultSource: 'demo' });
/** A tool's structured result on the demo, as `ask` gets it. */
async function resultOf(name: string, args: Record<string, unknown>): Promise<unknown> {
  const tool = TOOLS.find((t) => t.name === name)!;
  return (await tool.run({ source: 'demo', ...args } as never, context)).result;
}
const spec = (...parts: Partial<AnswerPart>[]) => AnswerSpec.parse(parts);
const END = '2026-11-20T08:04:59.999Z';

describe('answerSentences: the value asked, from a tool’s result', () => {
  it('says one sentence per item, with the end of the data as HH:MM:SS and times of the data', async () => {
    const ports = await resultOf('get_port_status', { node: 'bc-1' });
    const said = answerSentences(
      spec({ each: '$.ports[*]', say: '{node} {iface} is {state} since {since|time} ({configTag}, {#end})' }),
      ports,
      { end: END },
    );
    expect(said).toEqual([
      'bc-1 ens2f0 is MASTER since 08:00:04 (ptp4l.0.config, 08:04:59)',
      'bc-1 ens2f2 is MASTER since 08:00:04 (ptp4l.0.config, 08:04:59)',
      'bc-1 ens2f3 is MASTER since 08:00:04 (ptp4l.0.config, 08:04:59)',
      'bc-1 ens2f1 is SLAVE since 08:00:25 (ptp4l.1.config, 08:04:59)',
    ]);
  });

  it('keeps the items `when` finds something in, reaches enclosing objects with ^, and says `none` otherwise', async () => {
    const diagnosis = await resultOf('diagnose', { node: 'bc-1' });
    const announces = spec({
      each: '$.details.ptpInstances[*]',
      when: 'ports[?(@.state=="MASTER")]',
      say: '{^node} announces clock class {gmClockClass} ({configFile})',
      none: '{details.node} announces nothing',
    });
    expect(answerSentences(announces, diagnosis)).toEqual(['bc-1 announces clock class 6 (ptp4l.0.config)']);
    const tsc = await resultOf('diagnose', { node: 'worker-3' });
    expect(answerSentences(announces, tsc)).toEqual(['worker-3 announces nothing']);
  });

  it('filters: count, max, unique, join, duration, or; a list joined by commas, nothing as "-"', async () => {
    const holdover = await resultOf('analyze_holdover', {});
    expect(
      answerSentences(
        spec({
          each: '$.nodes[*]',
          say: '{node}: {episodes|count} episode(s), {episodes[*].durationMs|max|duration}, {findings[9]|or:none}, {nothing}',
        }),
        holdover,
      ),
    ).toEqual(['bc-2: 1 episode(s), 1m54s, none, -']);
    const hierarchy = await resultOf('get_clock_hierarchy', {});
    expect(
      answerSentences(
        spec({
          say: '{links[*].role|unique}; {roots|join: and }; {links[?(@.node=="worker-1")].stepsRemoved}',
        }),
        hierarchy,
      ),
    ).toEqual(['T-BC, T-GM, T-TSC; gm-1 and bc-2; 2']);
  });

  it('says the question’s slots ({#node}), also inside a JSONPath, and only the parts for what was asked', async () => {
    const hierarchy = await resultOf('get_clock_hierarchy', {});
    const parts = spec(
      { asked: 'node', each: '$.links[?(@.node=="{#node}")]', say: '{node} ← {parentNode}' },
      { asked: 'all', say: 'roots {roots}' },
    );
    expect(answerSentences(parts, hierarchy, { slots: { node: 'worker-3' } })).toEqual(['worker-3 ← bc-2']);
    expect(answerSentences(parts, hierarchy, {})).toEqual(['roots gm-1, bc-2']);
    // A name that would break out of the JSONPath's string is only a string.
    expect(answerSentences(parts, hierarchy, { slots: { node: 'x") || (@.node' } })).toEqual([]);
  });

  it('says at most `max` sentences and counts the rest, an object as its fields, identical sentences once', async () => {
    const pods = await resultOf('list_ptp_pods', {});
    expect(answerSentences(spec({ each: '$.pods[*]', say: '{pod.phase}', max: 5 }), pods)).toEqual([
      'Running',
    ]);
    expect(answerSentences(spec({ each: '$.pods[*]', say: '{node}', max: 2 }), pods)).toEqual([
      'bc-1',
      'bc-2',
      '… and 4 more',
    ]);
    expect(answerSentences(spec({ each: '$.pods[0]', say: '{pod.restarts}' }), pods)).toEqual([
      'linuxptp-daemon-container 0, kube-rbac-proxy 0, cloud-event-proxy 0',
    ]);
  });

  it('says nothing without a result (the caller then gives the tool’s own summary)', () => {
    expect(answerSentences(spec({ say: 'x' }), null)).toEqual([]);
  });
});

describe('templateProblem: what the intents loader refuses', () => {
  it.each([
    ['{node} {since|time}', undefined],
    [
      '{x|tme}',
      'unknown filter "tme" in {x|tme} (known: count, time, duration, max, min, sum, unique, first, join, or)',
    ],
    ['{#nod}', expect.stringMatching(/^unknown variable "#nod" in \{#nod\} \(known: #end, #node, /)],
  ])('%s', (template, problem) => {
    expect(templateProblem(template)).toEqual(problem);
  });
});
