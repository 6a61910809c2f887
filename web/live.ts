import type { ClusterView, NodeView } from '../core/reports/dashboard/view-schema.js';
import { App, type ViewSource } from './app.js';
import { el } from './dom.js';

/** The bearer token, kept for this tab only (sessionStorage): closing the tab forgets it. */
const TOKEN_KEY = 'ptp-mcp-token';

class Unauthorized extends Error {}

/** The server's /api, with the token; the cluster view as the last server-sent event gave it. */
class LiveSource implements ViewSource {
  latest: ClusterView | undefined;
  state = 'live';

  constructor(readonly token: string) {}

  headers(): HeadersInit {
    return this.token ? { Authorization: `Bearer ${this.token}` } : {};
  }

  async get<T>(path: string): Promise<T> {
    const response = await fetch(path, { headers: this.headers() });
    if (response.status === 401) throw new Unauthorized('the token was refused');
    const body = (await response.json()) as T & { error?: string };
    if (!response.ok) throw new Error(body.error ?? `${path}: HTTP ${response.status}`);
    return body;
  }

  async cluster(): Promise<ClusterView> {
    this.latest ??= await this.get<ClusterView>('/api/cluster');
    return this.latest;
  }

  node(name: string, width: number): Promise<NodeView> {
    return this.get<NodeView>(`/api/nodes/${encodeURIComponent(name)}?width=${Math.round(width)}`);
  }

  status(): string {
    return this.state;
  }

  /**
   * Server-sent events from the server's watch loop, read with fetch so that the token goes in a header
   * (EventSource cannot send one, and a token in a URL ends up in logs); reconnects after a drop.
   */
  async follow(onCluster: () => void): Promise<never> {
    for (;;) {
      try {
        const response = await fetch('/api/events', { headers: this.headers() });
        if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
        this.state = 'live';
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.*)$/m.exec(frame)?.[1];
            const data = frame
              .split('\n')
              .filter((line) => line.startsWith('data: '))
              .map((line) => line.slice(6))
              .join('\n');
            if (event === 'cluster' && data) {
              this.latest = JSON.parse(data) as ClusterView;
              onCluster();
            }
          }
        }
      } catch {
        // Dropped or refused: said in the header, and tried again.
      }
      this.state = 'reconnecting…';
      onCluster();
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
}

/** The live dashboard: asks for the token when the server wants one, then follows the server's updates. */
export async function startLive(root: HTMLElement): Promise<void> {
  const source = new LiveSource(sessionStorage.getItem(TOKEN_KEY) ?? '');
  const required = document.querySelector('meta[name="ptp-mcp-token"]') !== null;
  if (required && !source.token) return tokenForm(root, false);
  try {
    await source.cluster();
  } catch (error) {
    if (error instanceof Unauthorized) return tokenForm(root, source.token !== '');
    throw error;
  }
  const app = new App(root, source);
  await app.render();
  void source.follow(() => void app.render());
}

function tokenForm(root: HTMLElement, refused: boolean): void {
  const input = el('input', {
    type: 'password',
    id: 'token',
    autocomplete: 'off',
    placeholder: 'bearer token',
  });
  const form = el(
    'form',
    {
      class: 'card token-form',
      onsubmit: (event) => {
        event.preventDefault();
        sessionStorage.setItem(TOKEN_KEY, input.value.trim());
        void startLive(root);
      },
    },
    el('h2', {}, 'ptp-mcp dashboard'),
    el('p', {}, 'This server needs its bearer token (serve --token-file). It is kept for this tab only.'),
    refused && el('p', { class: 'error', role: 'alert' }, 'The token was refused.'),
    input,
    el('button', { type: 'submit' }, 'Connect'),
  );
  root.replaceChildren(form);
  input.focus();
}
