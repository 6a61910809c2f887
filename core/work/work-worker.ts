import 'reflect-metadata';
import { parentPort } from 'node:worker_threads';
import type { PtpService } from '../service.js';
import { compiledLogSearch } from './portable-log-search.js';
import { type WorkJobs, type WorkKind, type WorkSettings, workError } from './work-jobs.js';

/** The thread of WorkThreads (work-threads.ts): runs one job at a time and answers with its result or error. */
export type WorkMessage = { [K in WorkKind]: { id: number; kind: K; input: WorkJobs[K]['input'] } }[WorkKind];
export type WorkReply =
  | { id: number; output: WorkJobs[WorkKind]['output'] }
  | { id: number; error: ReturnType<typeof workError> };

/** A service per server settings (one server has one; its pack cache is kept between jobs). */
const services = new Map<boolean, Promise<PtpService>>();

function serviceFor(settings: WorkSettings): Promise<PtpService> {
  const key = settings.partialSnapshots === true;
  let service = services.get(key);
  if (!service) {
    service = import('../container.js').then((m) =>
      m.createService({ partialSnapshots: settings.partialSnapshots }),
    );
    services.set(key, service);
  }
  return service;
}

const run: { [K in WorkKind]: (input: WorkJobs[K]['input']) => Promise<WorkJobs[K]['output']> } = {
  lint: async ({ text, name, kind, request }) =>
    (await import('../lint/lint-run.js')).lintText(text, name, kind, request),
  diagnose: async ({ request, settings }) => (await serviceFor(settings)).diagnose(request),
  searchLogs: async ({ request, settings }) =>
    (await serviceFor(settings)).searchLogs(compiledLogSearch(request)),
};

const port = parentPort!;
port.on('message', async (message: WorkMessage) => {
  try {
    const output = await (run[message.kind] as (input: unknown) => Promise<unknown>)(message.input);
    port.postMessage({ id: message.id, output } as WorkReply);
  } catch (error) {
    port.postMessage({ id: message.id, error: workError(error) } satisfies WorkReply);
  }
});
