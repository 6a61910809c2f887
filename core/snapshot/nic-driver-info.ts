import type { EthtoolDriverInfo } from '../model/ethtool.js';
import type { NodePtpDevice } from '../model/node-ptp-device.js';

/**
 * What `ethtool -i` says of an interface, as the daemon already wrote it in its NodePtpDevice (newer
 * operators): `driverVersion` is `<driver> v<version>` from `ethtool -i`, with the firmware and the PCI
 * address beside it. Null when the device reports less (older operators give names only). Source:
 * ../shared/facts/ptp-formats.md (the NodePtpDevice CRD in the corpus, ptp-operator/crd/
 * ptp.openshift.io_nodeptpdevices.yaml; linuxptp-daemon pkg/network/utils.go).
 */
export function driverInfoOfDevice(hardwareInfo: unknown): EthtoolDriverInfo | null {
  const info = hardwareInfo as Record<string, unknown> | undefined;
  const [driverVersion, firmwareVersion, busInfo] = [
    info?.driverVersion,
    info?.firmwareVersion,
    info?.pciAddress,
  ];
  if (typeof driverVersion !== 'string' || typeof firmwareVersion !== 'string' || typeof busInfo !== 'string')
    return null;
  const match = /^(\S+) v(\S.*)$/.exec(driverVersion.trim());
  if (!match || firmwareVersion.trim() === '' || busInfo.trim() === '') return null;
  return {
    driver: match[1]!,
    version: match[2]!,
    firmwareVersion: firmwareVersion.trim(),
    expansionRomVersion: null,
    busInfo: busInfo.trim(),
    supports: {},
  };
}

/** The driver info of a node's interface from its NodePtpDevice, when there is no `ethtool -i` output. */
export function deviceDriverInfo(
  devices: readonly NodePtpDevice[],
  node: string,
  iface: string,
): EthtoolDriverInfo | null {
  const device = devices
    .find((d) => d.metadata.name === node)
    ?.status?.devices?.find((d) => d.name === iface);
  return driverInfoOfDevice(device?.hardwareInfo);
}
