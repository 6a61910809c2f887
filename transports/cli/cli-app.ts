import type { LoadedConfig } from '../../core/config/config-file.js';
import type { PtpPlugin } from '../../core/plugins/plugin-schema.js';
import type { PtpService } from '../../core/service.js';
import type { HostOptions } from './host-options.js';
import type { KubeOptions } from './kube-options.js';

/** What a command gets besides its arguments: how to reach a cluster, and the service when it needs one. */
export interface CliApp {
  kube: KubeOptions;
  /** What `--source host` reads on this machine. */
  host: HostOptions;
  /**
   * `ptp-mcp.config.yaml` (given with --config, else found from the working folder; none with
   * --no-config), its paths absolute. Commands apply its keys where their own flags are not given.
   */
  config?: LoadedConfig;
  /** The config's plugins, loaded: the service registers them after the built-in ones; serve adds their toolsets. */
  plugins: readonly PtpPlugin[];
  /**
   * Created on first use: a command that serves MCP answers `initialize` before loading the core.
   * `partial`: the command's `--partial` (snapshot folders not whole are read, marked partial).
   */
  service(options?: { partial?: boolean }): Promise<PtpService>;
  /** The `--source` forms of the built-in plugins and the config's, each on its own, for help. */
  sourceForms(): Promise<string[]>;
}
