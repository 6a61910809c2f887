import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { packageRoot } from '../../../core/package-root.js';

/** A rendered Kubernetes object. */
export type KubeObject = Record<string, unknown> & {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
};

/** The roots of deploy/ that a user applies with `kubectl apply -k`. */
export const KITS = [
  'base',
  'overlays/exec',
  'overlays/events',
  'overlays/lightspeed',
  'monitoring',
] as const;
export type Kit = (typeof KITS)[number];

/** The token the rendered kit carries (README: `openssl rand -hex 32 > deploy/base/token`). */
export const KIT_TOKEN = 'b3c1e2f4a5d6978812345678abcdef00';

const kubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
if (!kubectl && process.env.CI === 'true')
  throw new Error('CI=true but kubectl is missing: deploy/ cannot be rendered (kubectl kustomize)');
if (!kubectl)
  console.warn('deploy/ tests skipped: kubectl is absent (it renders the kit with kubectl kustomize)');

/** `describe` when kubectl can render the kit, else skipped with the reason printed above. */
export const describeKit = kubectl ? describe : describe.skip;

let copy: string | undefined;

/**
 * The objects `kubectl kustomize` renders for a root of deploy/, as a user gets them: from a copy of the
 * kit with the two files the README has them write (the token, Lightspeed's header), never committed.
 */
export function render(kit: Kit): KubeObject[] {
  if (!copy) {
    copy = join(mkdtempSync(join(tmpdir(), 'ptp-mcp-deploy-')), 'deploy');
    cpSync(join(packageRoot(), 'deploy'), copy, { recursive: true });
    writeFileSync(join(copy, 'base', 'token'), `${KIT_TOKEN}\n`);
    writeFileSync(join(copy, 'components', 'lightspeed', 'header'), `Bearer ${KIT_TOKEN}`);
  }
  const yaml = execFileSync('kubectl', ['kustomize', join(copy, kit)], { encoding: 'utf8' });
  return parseAllDocuments(yaml).map((document) => document.toJS() as KubeObject);
}

/** The one object of a kind (and name), or a failure naming what the rendering has. */
export function one(objects: KubeObject[], kind: string, name?: string): KubeObject {
  const found = objects.filter((o) => o.kind === kind && (name === undefined || o.metadata.name === name));
  if (found.length !== 1)
    throw new Error(
      `expected one ${kind}${name ? ` ${name}` : ''}, found ${found.length} among ${objects.map((o) => `${o.kind}/${o.metadata.name}`).join(', ')}`,
    );
  return found[0]!;
}

interface Rule {
  apiGroups?: string[];
  resources?: string[];
  verbs: string[];
}

/** One permission a role grants: `verb group resource[/subresource]` at a scope ("cluster" or a namespace). */
export function grants(objects: KubeObject[]): string[] {
  return objects
    .filter((o) => o.kind === 'Role' || o.kind === 'ClusterRole')
    .flatMap((role) =>
      ((role.rules as Rule[]) ?? []).flatMap((rule) =>
        (rule.apiGroups ?? []).flatMap((group) =>
          (rule.resources ?? []).flatMap((resource) =>
            rule.verbs.map((verb) => permission(verb, group, resource, role.metadata.namespace ?? 'cluster')),
          ),
        ),
      ),
    );
}

export function permission(verb: string, group: string, resource: string, scope: string): string {
  return `${verb} ${group || 'core'} ${resource} in ${scope}`;
}
