import type { PtpService } from '../../core/service.js';
import type { KubeOptions } from './kube-options.js';

/** What a command gets besides its arguments: how to reach a cluster, and the service when it needs one. */
export interface CliApp {
  kube: KubeOptions;
  /**
   * Created on first use: a command that serves MCP answers `initialize` before loading the core.
   * `partial`: the command's `--partial` (snapshot folders not whole are read, marked partial).
   */
  service(options?: { partial?: boolean }): Promise<PtpService>;
}
