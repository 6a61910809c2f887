import { describe, expect, it } from 'vitest';
import type { PtpPluginInput } from '../../../../core/plugins/plugin-schema.js';
import type { AllowedCommand } from '../../../../core/sources/exec-allowlist.js';
import type { RawCluster } from '../../../../core/sources/raw-cluster.js';
import { builtInPlugins, createService } from '../../../../transports/composition-root.js';

const EMPTY: RawCluster = {
  manifest: {
    apiVersion: 'ptp-mcp/v1',
    kind: 'Snapshot',
    metadata: { name: 'x' },
    spec: { namespace: '', source: 'recorded' },
  },
  objects: [],
  nodes: [],
  warnings: [],
};

/** A plugin with one source taking `spec`, which records the commands it is handed. */
function recordingPlugin(name: string, source: string, spec: (s: string) => boolean) {
  const handed: AllowedCommand[] = [];
  const plugin: PtpPluginInput = {
    name,
    sources: [
      {
        name: source,
        usage: `${source}:X`,
        matches: spec,
        open: () => ({
          description: `${name}'s ${source}`,
          collect: async () => EMPTY,
          run: async (_node, _argv, command) => {
            handed.push(command);
            return { stdout: 'ok', stderr: '', exitCode: 0 };
          },
        }),
      },
    ],
  };
  return { plugin, handed };
}

describe('the composition root and the plugin registry', () => {
  it('registers the built-in plugins, their sources in the order help lists them', () => {
    expect(builtInPlugins().map((plugin) => plugin.name)).toEqual([
      'snapshot',
      'kubernetes',
      'linuxptp-host',
      'nic',
    ]);
    expect(createService().sourceUsages()).toEqual([
      'demo | scenario:NAME',
      'dir:PATH',
      'cluster | cluster:CONTEXT',
      'host',
    ]);
  });

  it('a user plugin named like a built-in one replaces it; a source named like a built-in one replaces it', async () => {
    const snapshot = recordingPlugin('snapshot', 'mine', (spec) => spec === 'demo');
    const host = recordingPlugin('site', 'host', (spec) => spec === 'host');
    const service = createService({ plugins: [snapshot.plugin, host.plugin] });
    expect(service.openSource('demo').description).toBe("snapshot's mine");
    // The built-in snapshot plugin is gone, with its dir: source.
    expect(() => service.openSource('dir:/tmp')).toThrow(/unknown source "dir:\/tmp"/);
    expect(service.openSource('host').description).toBe("site's host");
    expect(service.sourceUsages()).toEqual(['cluster | cluster:CONTEXT', 'host:X', 'mine:X']);
  });

  it('the core gates every command of every source: a refused argv never reaches the plugin, an allowed one arrives parsed', async () => {
    const { plugin, handed } = recordingPlugin('lab', 'lab', (spec) => spec.startsWith('lab:'));
    const service = createService({ plugins: [plugin] });
    await expect(service.run('lab:1', 'n1', ['sh', '-c', 'reboot'])).rejects.toThrow(
      /^refused to run \["sh","-c","reboot"\]: sh is not an allowed program/,
    );
    await expect(
      service.run('lab:1', 'n1', ['pmc', '-u', '-f', '/var/run/ptp4l.0.config', 'SET PRIORITY1 1']),
    ).rejects.toThrow(/pmc requests must be GET/);
    expect(handed).toEqual([]);
    await service.run('lab:1', 'n1', ['ethtool', '-T', 'ens1f0']);
    expect(handed).toEqual([{ kind: 'ethtool', flag: '-T', iface: 'ens1f0' }]);
  });

  it('capabilities come from the plugins, not from source names', () => {
    const service = createService();
    expect(service.sourceCapabilities('cluster:lab')).toMatchObject({
      live: true,
      exec: true,
      recorded: false,
    });
    expect(service.sourceCapabilities('demo')).toMatchObject({ live: false, recorded: true });
    expect(service.sourceCapabilities('host')).toMatchObject({ live: true });
  });

  it('an unknown source names the nearest form and every usage', () => {
    expect(() => createService().openSource('scenaro:demo')).toThrow(
      'unknown source "scenaro:demo" (did you mean scenario?); use one of: demo | scenario:NAME, dir:PATH, cluster | cluster:CONTEXT, host',
    );
  });

  it('a plugin that breaks the contract is refused by name and path', () => {
    const bad = { name: 'Bad Name', sources: [] } as unknown as PtpPluginInput;
    expect(() => createService({ plugins: [bad] })).toThrow(
      /plugin Bad Name: not a ptp-mcp plugin: name: a plugin name is lowercase/,
    );
  });
});
