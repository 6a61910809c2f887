import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';
import type { ReportData } from './dashboard/view-schema.js';

/**
 * Where `npm run build` writes the browser bundle (web/), relative to the package root: beside the CLI's
 * bundle, which the package ships (build:bundle empties the folder, so build:web runs after it).
 */
export const WEB_BUNDLE_PATH = join('dist', 'bundle', 'web', 'dashboard.js');

let bundle: string | undefined;

/** The browser bundle (its CSS inside), read once. */
export function webBundle(): string {
  if (bundle !== undefined) return bundle;
  const file = join(packageRoot(), WEB_BUNDLE_PATH);
  try {
    bundle = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`the dashboard's browser bundle ${file} is missing: run npm run build`);
  }
  return bundle;
}

/**
 * The policy of a self-contained report: nothing is fetched, from anywhere; only its own inline script
 * and styles run. An e-mailed report opened offline looks the same.
 */
export const REPORT_CSP =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";

/**
 * An HTML page that runs the dashboard's bundle: from `/assets/dashboard.js` (the live dashboard, which
 * fetches its data with the token), or inline with the data embedded (one file for a ticket or an e-mail).
 */
export function htmlPage(options: {
  title: string;
  script: { src: string } | { inline: string };
  data?: ReportData;
  /** The live dashboard's server wants a bearer token: the page asks for it before any request. */
  tokenRequired?: boolean;
}) {
  const head = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    ...('inline' in options.script
      ? [`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`]
      : []),
    // No favicon request (a 404 in the console, a request a report must not make).
    '<link rel="icon" href="data:,">',
    ...(options.tokenRequired ? ['<meta name="ptp-mcp-token" content="required">'] : []),
    `<title>${escapeHtml(options.title)}</title>`,
    '</head>',
    '<body>',
    '<div id="app"></div>',
  ];
  const data =
    options.data === undefined
      ? []
      : // `<` escaped: the JSON can never close its script element, whatever a log line says.
        [
          `<script type="application/json" id="ptp-data">${JSON.stringify(options.data).replace(/</g, '\\u003c')}</script>`,
        ];
  const script =
    'inline' in options.script
      ? `<script>${options.script.inline.replace(/<\/(script)/gi, '<\\/$1')}</script>`
      : `<script src="${escapeHtml(options.script.src)}"></script>`;
  return `${[...head, ...data, script, '</body>', '</html>'].join('\n')}\n`;
}

/** A self-contained report: the bundle and the data inline. */
export function htmlReport(title: string, data: ReportData): string {
  return htmlPage({ title, script: { inline: webBundle() }, data });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
