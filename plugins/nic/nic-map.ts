import { phcMismatch } from '../../core/analysis/phc-topology.js';
import { configuredInterfaces, timestampingSupport } from '../../core/analysis/ptp-interfaces.js';
import type { NicMap } from '../../core/model/nic-map.js';
import type { NodeSnapshot } from '../../core/model/snapshot.js';
import type { NicProfiles } from '../../core/nic/nic-profiles.js';

/**
 * Maps each interface a node's PTP configs use to its NIC (PCI bus) and PHC from the node's ethtool
 * output, and flags what breaks PTP there: an interface ethtool could not see, software-only time
 * stamping, a ptp4l whose ports span PHCs without boundary_clock_jbod. (What a NIC's profile needs of
 * the configs is judged by the packs: rules/fault-severity.yaml nic/*.)
 */
export function nicMap(node: Pick<NodeSnapshot, 'name' | 'configs' | 'nics'>, profiles: NicProfiles): NicMap {
  const interfaces: NicMap['interfaces'] = [];
  const nics = new Map<string, NicMap['nics'][number]>();
  const problems: NicMap['problems'] = [];
  for (const [iface, configs] of configuredInterfaces(node)) {
    const nic = node.nics.find((n) => n.iface === iface);
    const support = timestampingSupport(nic);
    const bus = nic?.driverInfo?.busInfo?.replace(/\.\d+$/, '') ?? null;
    const phcIndex = nic?.timestamping?.phcIndex ?? null;
    interfaces.push({ iface, configs, bus, phcIndex, support });
    if (!nic?.timestamping && !nic?.driverInfo)
      problems.push({
        kind: 'absent',
        subject: iface,
        detail: `${iface} (${configs.join(', ')}): ethtool knows no such interface on ${node.name}, or it was not read`,
      });
    else if (support === 'software' || support === 'none')
      problems.push({
        kind: 'software-only',
        subject: iface,
        detail: `${iface}: no hardware time stamping (ethtool -T), ptp4l needs time_stamping software`,
      });
    const key = bus ?? `phc${phcIndex ?? '?'}`;
    const driver = nic?.driverInfo?.driver ?? null;
    const entry = nics.get(key) ?? {
      bus,
      phcIndex,
      driver,
      firmware: nic?.driverInfo?.firmwareVersion ?? null,
      profile: profiles.of(driver)?.id ?? null,
      interfaces: [],
    };
    if (!entry.interfaces.includes(iface)) entry.interfaces.push(iface);
    nics.set(key, entry);
  }
  for (const config of node.configs.filter((c) => c.program === 'ptp4l')) {
    const ports = interfaces.filter((i) => i.configs.includes(config.file));
    // Per port, as ptp4l decides (core/analysis/phc-topology.ts): the PHC from ethtool -T, else the NIC family.
    const mismatch = phcMismatch(
      config.config,
      ports.map((p) => ({
        iface: p.iface,
        phcIndex: p.phcIndex,
        bus: p.bus,
        driver: node.nics.find((n) => n.iface === p.iface)?.driverInfo?.driver ?? null,
      })),
      (driver) => profiles.of(driver)?.phcPer,
    );
    if (mismatch) {
      problems.push({
        kind: 'multi-phc-without-jbod',
        subject: config.file,
        detail: `${config.file}: ports ${mismatch.ports.map((p) => `${p.iface} (${p.phc})`).join(', ')} are not on the clock's PHC (${mismatch.clockPhc}) and boundary_clock_jbod is not 1 for them: ptp4l refuses them (PHC device mismatch)`,
      });
    }
  }
  return { node: node.name, nics: [...nics.values()], interfaces, problems };
}
