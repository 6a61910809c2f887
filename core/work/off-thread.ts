import type { LintResult } from '../lint/lint-run.js';
import type { WorkJobs } from './work-jobs.js';
import { WorkThreads, workThreads } from './work-threads.js';

/** A configuration's lint on a work thread (the server's event loop stays free), or here from sources. */
export async function lintOffThread(input: WorkJobs['lint']['input']): Promise<LintResult> {
  if (WorkThreads.available) return workThreads().run('lint', input);
  const { lintText } = await import('../lint/lint-run.js');
  return lintText(input.text, input.name, input.kind, input.request);
}

/**
 * Whether a source can be read on a work thread: a recorded one (the demo, a scenario, a snapshot
 * folder the server allowed), which needs no more than the files and WorkSettings. A live cluster or
 * host is read here, where the server's kubeconfig, host settings and event feed are; its log analysis
 * goes to a thread of its own from THREAD_MIN_NODES nodes (core/snapshot/build-snapshot.ts).
 */
export function readableOffThread(source: string): boolean {
  return (
    WorkThreads.available &&
    (source === 'demo' || source.startsWith('scenario:') || source.startsWith('dir:'))
  );
}
