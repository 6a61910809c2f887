import 'reflect-metadata';
import { parentPort } from 'node:worker_threads';
import type { PlainComposition } from '../../transports/composition-root.js';
import type { PtpService } from '../service.js';
import type { CloudEventHistory } from '../sources/raw-cluster.js';
import { compiledLogSearch } from './portable-log-search.js';
import { type WorkJobs, type WorkKind, type WorkSettings, workError } from './work-jobs.js';

/** The thread of WorkThreads (work-threads.ts): runs one job at a time and answers with its result or error. */
export type WorkMessage = { [K in WorkKind]: { id: number; kind: K; input: WorkJobs[K]['input'] } }[WorkKind];
export type WorkReply =
  | { id: number; output: WorkJobs[WorkKind]['output'] }
  | { id: number; error: ReturnType<typeof workError> };

/**
 * The O-RAN events of the job in progress: the server's consumer lives on its own thread, so each job
 * brings what it held when the call came (one job runs at a time on a thread).
 */
let jobEvents: Record<string, string> = {};
const events: CloudEventHistory = {
  jsonLines: (node) => jobEvents[node] ?? '',
  nodes: () => Object.keys(jobEvents),
};

/** A service per server settings (one server has one; its pack cache is kept between jobs). */
const services = new Map<string, Promise<PtpService>>();

function serviceFor(
  settings: WorkSettings,
  cloudEvents: Record<string, string> | undefined,
): Promise<PtpService> {
  jobEvents = cloudEvents ?? {};
  const key = JSON.stringify(settings);
  let service = services.get(key);
  if (!service) {
    // A thread is an entry point: it builds its service at the composition root, as the CLI does.
    // Imported here, not at the top: in the bundle a static import's chunk runs before this module's
    // own `import 'reflect-metadata'`, and tsyringe refuses to load without it.
    service = import('../../transports/composition-root.js').then(async (m) =>
      m.createService({
        ...(settings.composition as PlainComposition),
        cloudEvents: events,
        plugins:
          settings.plugins &&
          (await (
            await import('../plugins/plugin-modules.js')
          ).loadPluginModules(settings.plugins.specifiers, settings.plugins.configFile)),
      }),
    );
    services.set(key, service);
  }
  return service;
}

const run: { [K in WorkKind]: (input: WorkJobs[K]['input']) => Promise<WorkJobs[K]['output']> } = {
  lint: async ({ text, name, kind, request }) =>
    (await import('../lint/lint-run.js')).lintText(text, name, kind, request),
  diagnose: async ({ request, settings, cloudEvents }) =>
    (await serviceFor(settings, cloudEvents)).diagnose(request),
  snapshot: async ({ request, settings, cloudEvents }) =>
    (await serviceFor(settings, cloudEvents)).snapshot(request),
  searchLogs: async ({ request, settings, cloudEvents }) =>
    (await serviceFor(settings, cloudEvents)).searchLogs(compiledLogSearch(request)),
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
