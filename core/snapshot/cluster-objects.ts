import type { ZodType } from 'zod';
import { KubeEvent, KubeNode, KubePod } from '../model/kubernetes.js';
import { NodePtpDevice } from '../model/node-ptp-device.js';
import { PtpConfig } from '../model/ptp-config.js';
import { HardwareConfig, PtpOperatorConfig } from '../model/ptp-operator-config.js';
import type { ClusterObjects } from '../model/snapshot.js';
import type { SourceWarning } from '../model/snapshot-manifest.js';
import type { RawObject } from '../sources/raw-cluster.js';

const BY_KIND: Record<string, [keyof ClusterObjects, ZodType]> = {
  PtpConfig: ['ptpConfigs', PtpConfig],
  Node: ['nodes', KubeNode],
  NodePtpDevice: ['nodePtpDevices', NodePtpDevice],
  PtpOperatorConfig: ['ptpOperatorConfigs', PtpOperatorConfig],
  HardwareConfig: ['hardwareConfigs', HardwareConfig],
  Pod: ['pods', KubePod],
  Event: ['events', KubeEvent],
};

/** Sorts raw objects by kind and validates each; an invalid object is left out with a warning saying why. */
export function classifyObjects(raw: readonly RawObject[]): {
  objects: ClusterObjects;
  warnings: SourceWarning[];
} {
  const objects: ClusterObjects = {
    ptpConfigs: [],
    nodes: [],
    nodePtpDevices: [],
    ptpOperatorConfigs: [],
    hardwareConfigs: [],
    pods: [],
    events: [],
  };
  const warnings: SourceWarning[] = [];
  for (const { source, line, object } of raw) {
    const kind = (object as { kind?: unknown } | null)?.kind;
    const target = typeof kind === 'string' ? BY_KIND[kind] : undefined;
    const at = line === undefined ? { source } : { source, line };
    if (!target) {
      warnings.push({
        ...at,
        message: `ignored: kind ${typeof kind === 'string' ? kind : '(none)'} is not read`,
      });
      continue;
    }
    const [list, schema] = target;
    const result = schema.safeParse(object);
    if (result.success) {
      (objects[list] as unknown[]).push(result.data);
    } else {
      const issue = result.error.issues[0]!;
      const name = (object as { metadata?: { name?: unknown } }).metadata?.name;
      warnings.push({
        ...at,
        message: `${kind} ${typeof name === 'string' ? name : '(unnamed)'} left out: ${issue.path.join('.') || 'object'}: ${issue.message}`,
      });
    }
  }
  return { objects, warnings };
}
