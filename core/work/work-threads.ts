import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { rebuiltError, type WorkJobs, type WorkKind } from './work-jobs.js';
import type { WorkMessage, WorkReply } from './work-worker.js';

const WORKER_URL = new URL('./work-worker.js', import.meta.url);

interface Job {
  message: WorkMessage;
  resolve(output: unknown): void;
  reject(error: Error): void;
}

/**
 * Threads for the CPU-heavy calls of a server (a lint of megabytes, a diagnosis), so that its event loop
 * keeps answering (/healthz, other calls, SIGTERM) while they run. One job per thread at a time, the
 * others wait first come first served; threads start with the first job and do not keep the process
 * alive. Only from built JavaScript: run from TypeScript sources (tests) there is no worker file, and
 * `available` is false.
 */
export class WorkThreads {
  static readonly available = existsSync(fileURLToPath(WORKER_URL));

  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job>();
  private readonly waiting: Job[] = [];
  private nextId = 0;

  /** Two threads on two cores: a long lint does not hold up a diagnosis. */
  constructor(private readonly size = Math.max(2, availableParallelism() - 1)) {}

  run<K extends WorkKind>(kind: K, input: WorkJobs[K]['input']): Promise<WorkJobs[K]['output']> {
    return new Promise((resolve, reject) => {
      const job = {
        message: { id: this.nextId++, kind, input } as WorkMessage,
        resolve: resolve as (output: unknown) => void,
        reject,
      };
      this.waiting.push(job);
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    const workers = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      const worker = this.idle.pop() ?? (this.busy.size < this.size ? this.start() : undefined);
      if (!worker) return;
      const job = this.waiting.shift()!;
      this.busy.set(worker, job);
      worker.ref();
      worker.postMessage(job.message);
    }
  }

  private start(): Worker {
    const worker = new Worker(WORKER_URL);
    worker.on('message', (reply: WorkReply) => {
      const job = this.busy.get(worker);
      this.busy.delete(worker);
      worker.unref();
      this.idle.push(worker);
      if (job) {
        if ('error' in reply) job.reject(rebuiltError(reply.error));
        else job.resolve(reply.output);
      }
      this.dispatch();
    });
    // A thread that dies (out of memory) fails its job; the next job starts another.
    const fail = (error: Error) => {
      const job = this.busy.get(worker);
      this.busy.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      job?.reject(error);
      this.dispatch();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`work thread exited (code ${code})`)));
    return worker;
  }
}

let shared: WorkThreads | undefined;

/** The process's work threads, made with the first job. */
export function workThreads(): WorkThreads {
  shared ??= new WorkThreads();
  return shared;
}
