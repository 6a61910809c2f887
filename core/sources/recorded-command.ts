import type { AllowedCommand } from './exec-allowlist.js';
import type { RawNode } from './raw-cluster.js';
import { tailOutput } from './tail-output.js';

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const ok = (stdout: string): ExecResult => ({ stdout, stderr: '', exitCode: 0 });
const fail = (stderr: string, exitCode = 1): ExecResult => ({ stdout: '', stderr, exitCode });

/**
 * What an allowlisted command prints in a node's daemon container, answered from the snapshot: pmc
 * answers, ethtool output, rendered configs. What the snapshot did not record fails as the command would.
 */
export function respond(command: AllowedCommand, node: RawNode): ExecResult {
  switch (command.kind) {
    case 'pmc': {
      const recorded = node.pmc.find((entry) => entry.configFile === command.configFile);
      if (recorded) return ok(recorded.text);
      // pmc waits for answers that never come and exits quietly when ptp4l is not there.
      return ok(command.requests.map((request) => `sending: ${request}\n`).join(''));
    }
    case 'ethtool': {
      const entry = node.ethtool.find((e) => e.iface === command.iface);
      if (!entry) return fail(`netlink error: no device matches name (${command.iface})\n`);
      const text =
        command.flag === '-i'
          ? entry.driverInfo?.text
          : command.flag === '-T'
            ? entry.timestamping?.text
            : undefined;
      return text === undefined
        ? fail(`ethtool ${command.flag} ${command.iface}: not in the snapshot\n`, 94)
        : ok(text);
    }
    case 'cat': {
      const config = renderedConfig(node, command.path);
      if (config !== undefined) return ok(config);
      const clockName = /^\/sys\/class\/net\/([^/]+)\/device\/ptp\/ptp\d+\/clock_name$/.exec(command.path);
      const driver = clockName ? driverOf(node, clockName[1]!) : undefined;
      if (driver) return ok(`${driver}\n`);
      return fail(`cat: ${command.path}: No such file or directory\n`);
    }
    case 'configs': {
      const files = command.paths.map((path) => ({ path, text: renderedConfig(node, path) }));
      const { stdout, stderr } = tailOutput(files);
      return { stdout, stderr, exitCode: stderr === '' ? 0 : 1 };
    }
    case 'ls': {
      if (command.path === '/var/run')
        return ok(
          `${node.configs
            .map((c) => configName(c.name))
            .sort()
            .join('\n')}\n`,
        );
      const iface = /^\/sys\/class\/net\/([^/]+)\/device\/ptp(?:\/(ptp\d+))?$/.exec(command.path);
      const phc = iface ? phcOf(node, iface[1]!) : null;
      if (phc === null || (iface?.[2] !== undefined && iface[2] !== `ptp${phc}`))
        return fail(`ls: cannot access '${command.path}': No such file or directory\n`, 2);
      return ok(iface?.[2] ? 'clock_name\nmax_adjustment\nn_pins\npins\n' : `ptp${phc}\n`);
    }
    case 'ptp-devices': {
      const phcs = [
        ...new Set(node.ethtool.map((e) => phcOf(node, e.iface)).filter((p): p is number => p !== null)),
      ];
      return ok(
        phcs
          .sort((a, b) => a - b)
          .map((p) => `/dev/ptp${p}\n`)
          .join(''),
      );
    }
    case 'journal':
      return fail('journalctl: a snapshot keeps the logs, not the journal: read them with get_daemon_logs\n');
  }
}

/** The text of a rendered /var/run config the snapshot holds. */
function renderedConfig(node: RawNode, path: string): string | undefined {
  const file = path.startsWith('/var/run/') ? path.slice('/var/run/'.length) : undefined;
  return file === undefined ? undefined : node.configs.find((c) => configName(c.name) === file)?.text;
}

/** `nodes/x/configs/ptp4l.0.config` → `ptp4l.0.config`. */
function configName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

function phcOf(node: RawNode, iface: string): number | null {
  const text = node.ethtool.find((e) => e.iface === iface)?.timestamping?.text;
  const match = text ? /(?:PTP Hardware Clock|Hardware timestamp provider index):\s*(\d+)/.exec(text) : null;
  return match ? Number(match[1]) : null;
}

function driverOf(node: RawNode, iface: string): string | undefined {
  const text = node.ethtool.find((e) => e.iface === iface)?.driverInfo?.text;
  return text ? /^driver:\s*(\S+)/m.exec(text)?.[1] : undefined;
}
