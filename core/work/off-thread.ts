import type { LintResult } from '../lint/lint-run.js';
import type { PtpService } from '../service.js';
import type { CloudEventHistory } from '../sources/raw-cluster.js';
import type { WorkJobs } from './work-jobs.js';
import { WorkThreads, workThreads } from './work-threads.js';

/** A configuration's lint on a work thread (the server's event loop stays free), or here from sources. */
export async function lintOffThread(input: WorkJobs['lint']['input']): Promise<LintResult> {
  if (WorkThreads.available) return workThreads().run('lint', input);
  const { lintText } = await import('../lint/lint-run.js');
  return lintText(input.text, input.name, input.kind, input.request);
}

/**
 * Whether a server reads `source` on a work thread: when there are threads (built JavaScript) and the
 * source declares `workThread` (its plugin can open it again there from plain settings; a source that
 * holds state of this process is read here). An unknown source is the SourceError it would be anyway.
 */
export function readableOffThread(service: PtpService, source: string): boolean {
  return WorkThreads.available && service.sourceCapabilities(source).workThread;
}

/** What an event consumer holds, by node, as plain data for a job. */
export function eventsByNode(history: CloudEventHistory | undefined): Record<string, string> | undefined {
  if (!history) return undefined;
  const events: Record<string, string> = {};
  for (const node of history.nodes()) {
    const lines = history.jsonLines(node);
    if (lines) events[node] = lines;
  }
  return events;
}
