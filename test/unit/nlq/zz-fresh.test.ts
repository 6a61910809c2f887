import { it } from 'vitest';
import { loadIntents } from '../../../core/nlq/intent-loader.js';
import { createService } from '../../../transports/composition-root.js';
import { planQuestion } from '../../../transports/mcp/ask.js';
import { toolContext } from '../../../transports/mcp/tool-context.js';
import { readQuestionSet, scoreQuestionSet } from './question-set.js';

const intents = loadIntents();
const context = toolContext({ service: async () => createService(), defaultSource: 'demo' });
const plan = async (q: string) => (await planQuestion(q, 'demo', context, intents)).plan;
const toolOf = (id: string) => intents.intents.find((i) => i.id === id)?.tool;
it.each((process.env.FRESH ?? 'paraphrases-round4.yaml,paraphrases-round5.yaml').split(','))('%s', async (file) => {
  const s = await scoreQuestionSet(readQuestionSet(file), plan, toolOf);
  console.log(`FRESH ${file}: ${(s.lenient * 100).toFixed(1)} % (strict ${(s.strict * 100).toFixed(1)} %) of ${s.routed.length}`);
  if (process.env.NLQ_MISSES) for (const m of s.routed.filter((r) => !r.lenient)) console.log(`  ${m.question} → ${m.routed ?? 'nothing'} (expected ${m.expected})`);
}, 300_000);
