import type { Response } from 'express';

/** One MCP session of the HTTP server: its transport and what closing it frees. */
export interface HttpSession {
  /** Ends the session: its streams, its MCP server, its entry here. */
  end(): void;
}

interface Entry<S> {
  session: S;
  /** When its last request began or ended (this process's clock: how long the client has been away). */
  lastSeen: number;
  /** Requests still open, an SSE stream included: a session with one is in use, never idle. */
  open: number;
}

/**
 * The sessions of a server, least recently used first. Clients that leave without DELETE (the SDK's
 * client.close() sends none) are ended after `idleMs` without a request; at the cap, the session idle
 * the longest makes room for a new client, and only when every session is in use is a client refused.
 */
export class SessionRegistry<S extends HttpSession> {
  private readonly entries = new Map<string, Entry<S>>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    readonly max: number,
    private readonly idleMs: number,
    private readonly now: () => number = Date.now,
  ) {
    // Often enough that a session outlives its idle time by half of it at most, rarely enough to cost nothing.
    this.sweeper = setInterval(() => this.sweep(), Math.min(Math.max(idleMs / 2, 100), 60_000));
    this.sweeper.unref();
  }

  get size(): number {
    return this.entries.size;
  }

  get(id: string): S | undefined {
    return this.entries.get(id)?.session;
  }

  add(id: string, session: S): void {
    this.entries.set(id, { session, lastSeen: this.now(), open: 0 });
  }

  delete(id: string): void {
    this.entries.delete(id);
  }

  /** Counts `response` as a request of session `id` until it closes: the session is in use meanwhile. */
  track(id: string, response: Response): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    entry.open++;
    this.touch(id, entry);
    response.once('close', () => {
      entry.open--;
      if (this.entries.get(id) === entry) this.touch(id, entry);
    });
  }

  /** Whether a new session can start: room below the cap, or an idle session to end for it. */
  hasRoom(): boolean {
    return this.entries.size < this.max || this.oldestIdle() !== undefined;
  }

  /** Makes room for one more session, ending the one idle the longest at the cap; false when all are in use. */
  makeRoom(): boolean {
    if (this.entries.size < this.max) return true;
    const id = this.oldestIdle();
    if (id === undefined) return false;
    this.end(id);
    return true;
  }

  /** Ends every session idle longer than the idle time. */
  sweep(): void {
    const now = this.now();
    for (const [id, entry] of this.entries) {
      if (now - entry.lastSeen <= this.idleMs) break;
      if (entry.open === 0) this.end(id);
    }
  }

  /** Ends every session and stops the sweeper (the server closes). */
  endAll(): void {
    clearInterval(this.sweeper);
    for (const id of [...this.entries.keys()]) this.end(id);
  }

  private oldestIdle(): string | undefined {
    for (const [id, entry] of this.entries) if (entry.open === 0) return id;
    return undefined;
  }

  private touch(id: string, entry: Entry<S>): void {
    entry.lastSeen = this.now();
    // Least recently used first: the sweep stops at the first session seen recently.
    this.entries.delete(id);
    this.entries.set(id, entry);
  }

  private end(id: string): void {
    const entry = this.entries.get(id);
    this.entries.delete(id);
    entry?.session.end();
  }
}
