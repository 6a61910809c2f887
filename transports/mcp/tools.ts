import type { PtpTool } from './tool.js';
import { clockTools } from './toolsets/clocks.js';
import { commandTools } from './toolsets/commands.js';
import { configurationTools } from './toolsets/configuration.js';
import { hardwareTools } from './toolsets/hardware.js';
import { healthTools } from './toolsets/health.js';
import { inventoryTools } from './toolsets/inventory.js';
import { logTools } from './toolsets/logs.js';
import { metricsEventTools } from './toolsets/metrics-events.js';
import { questionTools } from './toolsets/questions.js';
import { ruleTools } from './toolsets/rules.js';
import { syncTools } from './toolsets/sync.js';

/**
 * Every MCP tool, by toolset, in the order clients list them. One explicit index (like ESLint's
 * rules): a tool exists when it is here, and the golden file of the tests shows each one's schemas.
 */
export const TOOLSETS: Record<string, readonly PtpTool[]> = {
  inventory: inventoryTools as readonly PtpTool[],
  logs: logTools as readonly PtpTool[],
  health: healthTools as readonly PtpTool[],
  sync: syncTools as readonly PtpTool[],
  clocks: clockTools as readonly PtpTool[],
  configuration: configurationTools as readonly PtpTool[],
  metrics: metricsEventTools as readonly PtpTool[],
  hardware: hardwareTools as readonly PtpTool[],
  commands: commandTools as readonly PtpTool[],
  rules: ruleTools as readonly PtpTool[],
};

export const TOOLS: readonly PtpTool[] = [
  ...Object.values(TOOLSETS).flat(),
  // Questions run the other tools: they find them here, once the list exists.
  ...(questionTools(() => TOOLS) as readonly PtpTool[]),
];
