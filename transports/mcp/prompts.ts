import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

const user = (text: string) => ({
  messages: [{ role: 'user' as const, content: { type: 'text' as const, text } }],
});

/** Prompts for the three questions operators ask most, each naming the tools that answer it. */
export function registerPrompts(server: McpServer): void {
  server.registerPrompt(
    'diagnose-node',
    {
      title: 'Diagnose a node',
      description:
        'Why a node is not locked (holdover, free-run, faults), from its state, episodes, findings and logs',
      argsSchema: { node: z.string().describe('The node, e.g. worker-2') },
    },
    ({ node }) =>
      user(
        `Diagnose PTP on node ${node}. Call diagnose with node "${node}" for its state, health and findings; ` +
          `then detect_sync_loss and analyze_holdover for its episodes, get_port_status for its ports, and ` +
          `analyze_timing_traceability to see where its time comes from. If a finding names a fault, use ` +
          `search_logs on ${node} around its time. Answer: what state it is in, since when, why (the evidence ` +
          `with times from the data), what it affects downstream, and the remediation the findings give.`,
      ),
  );

  server.registerPrompt(
    'review-ptp-config',
    {
      title: 'Review a PTP configuration',
      description: 'Review a PtpConfig or ptp4l.conf against linuxptp and the telecom profile it configures',
      argsSchema: { config: z.string().describe('The PtpConfig YAML or ptp4l.conf text') },
    },
    ({ config }) =>
      user(
        'Review this PTP configuration. Call validate_ptp_config with it as content; for each finding, call ' +
          'explain_rule if its reason is unclear. Report what would stop it from working first (critical), then ' +
          'what deviates from the profile’s standard, each with the line and the fix.\n\n' +
          config,
      ),
  );

  server.registerPrompt(
    'explain-clock-class-change',
    {
      title: 'Explain a clock class change',
      description: 'Why a node’s announced clock class changed, and whether the change is legal for its role',
      argsSchema: {
        node: z.string().describe('The node'),
        to: z.string().optional().describe('The class it changed to, e.g. 135'),
      },
    },
    ({ node, to }) =>
      user(
        `Explain the clock class changes of node ${node}${to ? ` (to ${to})` : ''}. Read ptp://clock-classes for ` +
          `the meaning of each class; call analyze_holdover with node "${node}" for its class history and ` +
          `holdover episodes, get_grandmaster_status and get_gnss_status for its reference. Say what each change ` +
          `means for ${node}'s role, whether the clock-class-fallback pack finds it legal, and what clocks ` +
          `downstream do with it (clock_class_threshold).`,
      ),
  );
}
