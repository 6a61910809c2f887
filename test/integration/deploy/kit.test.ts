import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import * as models from 'kubernetes-models';
import { beforeAll, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CLI } from '../cli-run.js';
import { describeKit, grants, KIT_TOKEN, KITS, type Kit, type KubeObject, one, render } from './kustomize.js';

/** The kubernetes-models class of an object: apps/v1 → models.apps.v1, rbac.authorization.k8s.io/v1 → rbacAuthorizationK8sIo. */
function modelOf(object: KubeObject): (new (data: unknown) => { validate(): void }) | undefined {
  const [group, version] = object.apiVersion.includes('/')
    ? object.apiVersion.split('/')
    : ['', object.apiVersion];
  const name = group ? group.replace(/\.(\w)/g, (_m, c: string) => c.toUpperCase()) : version!;
  const module = (models as unknown as Record<string, Record<string, Record<string, unknown>>>)[name];
  const classes = group ? module?.[version!] : module;
  return classes?.[object.kind] as ReturnType<typeof modelOf>;
}

const olsSchema = new Ajv2020.default({ allErrors: true, strict: false }).compile(
  JSON.parse(readFileSync(join(import.meta.dirname, 'olsconfig.schema.json'), 'utf8')),
);

type Container = {
  args: string[];
  ports: { name: string; containerPort: number }[];
  securityContext: Record<string, unknown>;
  volumeMounts: { name: string; mountPath: string }[];
  livenessProbe: { httpGet: { path: string; port: string } };
  readinessProbe: { httpGet: { path: string; port: string } };
};
type PodSpec = {
  serviceAccountName: string;
  securityContext: Record<string, unknown>;
  containers: Container[];
  volumes: { name: string; secret?: { secretName: string } }[];
};
const podSpec = (objects: KubeObject[]) =>
  (one(objects, 'Deployment', 'ptp-mcp').spec as { template: { spec: PodSpec } }).template.spec;
const argAfter = (args: string[], option: string) => args[args.indexOf(option) + 1];

describeKit('deploy/: the in-cluster kit as kubectl kustomize renders it', () => {
  const rendered = {} as Record<Kit, KubeObject[]>;
  beforeAll(() => {
    for (const kit of KITS) rendered[kit] = render(kit);
  });

  it('validates every object: Kubernetes kinds against their schemas, OLSConfig against its CRD’s', () => {
    const seen = new Set<string>();
    for (const kit of KITS) {
      for (const object of rendered[kit]) {
        const what = `${kit}: ${object.kind}/${object.metadata.name}`;
        seen.add(object.kind);
        if (object.kind === 'OLSConfig') {
          expect(olsSchema(object), `${what} ${JSON.stringify(olsSchema.errors)}`).toBe(true);
          continue;
        }
        // prometheus-operator's kinds: checked by promtool and the monitoring test (verdict-metrics.test.ts).
        if (object.apiVersion === 'monitoring.coreos.com/v1') continue;
        const Model = modelOf(object);
        expect(Model, `${what}: no Kubernetes schema for ${object.apiVersion}`).toBeDefined();
        expect(() => new Model!(object).validate(), what).not.toThrow();
      }
    }
    expect([...seen].sort()).toEqual(
      [
        'ClusterRole',
        'ClusterRoleBinding',
        'Deployment',
        'NetworkPolicy',
        'OLSConfig',
        'PrometheusRule',
        'Role',
        'RoleBinding',
        'Secret',
        'Service',
        'ServiceAccount',
        'ServiceMonitor',
      ].sort(),
    );
  });

  it('the base: serve --http without exec, its token from the Secret as a file, restricted, probed', () => {
    const objects = rendered.base;
    const pod = podSpec(objects);
    const [container] = pod.containers;
    expect(container!.args.slice(0, 2)).toEqual(['serve', '--http']);
    expect(container!.args).not.toContain('--allow-exec');
    expect(pod.serviceAccountName).toBe(one(objects, 'ServiceAccount').metadata.name);
    expect(
      (one(objects, 'Deployment').spec as { template: { spec: { containers: { image: string }[] } } })
        .template.spec.containers[0]!.image,
    ).toBe('ptp-mcp:latest');

    // --token-file names the key `token` of the Secret's volume, and the Secret holds the token written.
    const tokenFile = argAfter(container!.args, '--token-file')!;
    const mount = container!.volumeMounts.find((m) => tokenFile.startsWith(`${m.mountPath}/`))!;
    const volume = pod.volumes.find((v) => v.name === mount.name)!;
    const secret = one(objects, 'Secret', volume.secret!.secretName) as KubeObject & {
      data: Record<string, string>;
    };
    const key = tokenFile.slice(mount.mountPath.length + 1);
    expect(Buffer.from(secret.data[key]!, 'base64').toString().trim()).toBe(KIT_TOKEN);

    expect(pod.securityContext).toMatchObject({
      runAsNonRoot: true,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(container!.securityContext).toEqual({
      runAsNonRoot: true,
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(container!.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 'http' });
    expect(container!.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'http' });

    // The Service and the NetworkPolicy select the pods, on the port the server listens on.
    const labels = (
      one(objects, 'Deployment').spec as { template: { metadata: { labels: Record<string, string> } } }
    ).template.metadata.labels;
    const service = one(objects, 'Service', 'ptp-mcp').spec as {
      selector: Record<string, string>;
      ports: { targetPort: string }[];
    };
    expect(labels).toMatchObject(service.selector);
    expect(container!.ports.find((p) => p.name === service.ports[0]!.targetPort)?.containerPort).toBe(
      Number(argAfter(container!.args, '--port')),
    );
    const policy = one(objects, 'NetworkPolicy').spec as {
      podSelector: { matchLabels: Record<string, string> };
    };
    expect(labels).toMatchObject(policy.podSelector.matchLabels);
  });

  it('grants pods/exec and passes --allow-exec in the exec overlay only', () => {
    for (const kit of KITS) {
      const exec = kit === 'overlays/exec';
      expect(
        grants(rendered[kit]).some((g) => g.includes('pods/exec')),
        kit,
      ).toBe(exec);
      if (kit !== 'monitoring')
        expect(podSpec(rendered[kit]).containers[0]!.args.includes('--allow-exec'), kit).toBe(exec);
    }
    expect(grants(rendered['overlays/exec'])).toContain('create core pods/exec in openshift-ptp');
    // Every role is bound to the server's service account.
    for (const kit of KITS)
      for (const binding of rendered[kit].filter((o) => o.kind.endsWith('Binding'))) {
        const roleRef = binding.roleRef as { kind: string; name: string };
        expect(rendered[kit].some((o) => o.kind === roleRef.kind && o.metadata.name === roleRef.name)).toBe(
          true,
        );
        expect(binding.subjects).toEqual([
          { kind: 'ServiceAccount', name: 'ptp-mcp', namespace: 'openshift-ptp' },
        ]);
      }
  });

  it('the events overlay: the consumer listens where its Service and --events-endpoint say', () => {
    const objects = rendered['overlays/events'];
    const [container] = podSpec(objects).containers;
    const listen = Number(argAfter(container!.args, '--events-listen')!.split(':')[1]);
    const service = one(objects, 'Service', 'ptp-mcp-events');
    const port = (service.spec as { ports: { port: number; targetPort: string }[] }).ports[0]!;
    expect(container!.ports.find((p) => p.name === port.targetPort)?.containerPort).toBe(listen);
    expect(argAfter(container!.args, '--events-endpoint')).toBe(
      `http://${service.metadata.name}.${service.metadata.namespace}.svc.cluster.local:${port.port}/event`,
    );
  });

  it('the lightspeed overlay: the OLSConfig names the Service and a Secret of Lightspeed’s namespace holding the header', () => {
    const objects = rendered['overlays/lightspeed'];
    const server = (
      one(objects, 'OLSConfig').spec as {
        mcpServers: {
          url: string;
          headers: { name: string; valueFrom: { secretRef: { name: string } } }[];
        }[];
      }
    ).mcpServers[0]!;
    const service = one(objects, 'Service', 'ptp-mcp');
    const port = (service.spec as { ports: { port: number }[] }).ports[0]!.port;
    expect(server.url).toBe(
      `http://${service.metadata.name}.${service.metadata.namespace}.svc.cluster.local:${port}/mcp`,
    );
    const header = one(objects, 'Secret', server.headers[0]!.valueFrom.secretRef.name) as KubeObject & {
      data: Record<string, string>;
    };
    expect(header.metadata.namespace).toBe('openshift-lightspeed');
    expect(server.headers[0]!.name).toBe('Authorization');
    expect(Buffer.from(header.data.header!, 'base64').toString()).toBe(`Bearer ${KIT_TOKEN}`);
  });

  it('the monitoring kit scrapes the Service’s port with the token’s Secret', () => {
    const base = rendered.base;
    const monitor = one(rendered.monitoring, 'ServiceMonitor').spec as {
      selector: { matchLabels: Record<string, string> };
      endpoints: {
        port: string;
        path: string;
        authorization: { credentials: { name: string; key: string } };
      }[];
    };
    const service = one(base, 'Service', 'ptp-mcp');
    expect(service.metadata.labels).toMatchObject(monitor.selector.matchLabels);
    const [endpoint] = monitor.endpoints;
    expect((service.spec as { ports: { name: string }[] }).ports.map((p) => p.name)).toContain(
      endpoint!.port,
    );
    expect(endpoint!.path).toBe('/metrics');
    const secret = one(base, 'Secret', endpoint!.authorization.credentials.name) as KubeObject & {
      data: Record<string, string>;
    };
    expect(secret.data[endpoint!.authorization.credentials.key]).toBeDefined();
  });

  it('ptp-mcp accepts the arguments of every overlay’s Deployment', () => {
    for (const kit of KITS.filter((k) => k !== 'monitoring')) {
      const { args } = podSpec(rendered[kit]).containers[0]!;
      const result = spawnSync(process.execPath, [CLI, ...args, '--help'], { encoding: 'utf8' });
      expect(result.status, `${kit}: ${result.stderr}`).toBe(0);
    }
  });

  it('the README applies each overlay with one command', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', '..', 'README.md'), 'utf8');
    for (const kit of KITS) expect(readme).toContain(`kubectl apply -k deploy/${kit}`);
    expect(
      parse(
        readFileSync(
          join(import.meta.dirname, '..', '..', '..', 'deploy', 'base', 'kustomization.yaml'),
          'utf8',
        ),
      ).images,
    ).toEqual([{ name: 'ptp-mcp', newName: 'ptp-mcp', newTag: 'latest' }]);
  });
});
