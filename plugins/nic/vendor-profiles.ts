/**
 * What ptp-mcp knows of the NICs PTP runs on, as data: how to recognize each (the `ethtool -i` driver and
 * firmware), what it offers, and the pitfalls seen with it, each with its source. Sources are in
 * ../shared/facts (ptp-formats.md §ethtool, itu-rules.md M7) and the vendors' documentation named below.
 */
export interface NicVendorProfile {
  id: string;
  vendor: string;
  /** The `ethtool -i` driver name. */
  driver: string;
  models: string;
  /** One PTP hardware clock per NIC (all its ports share it) or one per port. */
  phcPer: 'nic' | 'port';
  gnss: boolean;
  dpll: boolean;
  /** Pins for 1PPS in and out (SMA, U.FL) by board label. */
  ppsPins: string[];
  /** The tx_timestamp_timeout (ms) the references use with it. */
  recommendedTxTimestampTimeoutMs: number;
  pitfalls: string[];
  references: string[];
}

export const NIC_VENDOR_PROFILES: readonly NicVendorProfile[] = [
  {
    id: 'intel-ice',
    vendor: 'Intel',
    driver: 'ice',
    models: 'E810 (XXVDA4T Westport Channel, Logan Beach), E825-C, E830',
    phcPer: 'nic',
    gnss: true,
    dpll: true,
    ppsPins: ['SMA1', 'SMA2', 'U.FL1', 'U.FL2', 'GNSS-1PPS'],
    recommendedTxTimestampTimeoutMs: 50,
    pitfalls: [
      "busy ports time out waiting for a tx time stamp at linuxptp's default ('timed out while polling for tx timestamp'): the OpenShift references set tx_timestamp_timeout 50",
      'one PHC for all ports of a card: a T-BC on one E810 needs no boundary_clock_jbod; ports on two cards do (and ts2phc or the DPLL to align them)',
      'GNSS and DPLL states come from the ice driver (gnss_status, dpll frequency/phase status): an old NVM reports neither',
    ],
    references: [
      'ice driver documentation (kernel Documentation/networking/device_drivers/ethernet/intel/ice.rst)',
      'openshift-docs PR #48000 (tx_timestamp_timeout 50)',
      'facts ptp-formats.md §ethtool',
    ],
  },
  {
    id: 'nvidia-mlx5',
    vendor: 'NVIDIA (Mellanox)',
    driver: 'mlx5_core',
    models: 'ConnectX-5, ConnectX-6 Dx/Lx, ConnectX-7, BlueField',
    phcPer: 'port',
    gnss: false,
    dpll: true,
    ppsPins: [],
    recommendedTxTimestampTimeoutMs: 500,
    pitfalls: [
      'the driver may postpone a tx time stamp up to 500 ms (ConnectX-4): lower tx_timestamp_timeout values make ports FAULTY under load',
      'one PHC per port: a multi-port boundary clock needs boundary_clock_jbod 1 and phc2sys to align the PHCs',
    ],
    references: [
      'facts itu-rules.md M7 (ConnectX tx time stamp delay)',
      'NVIDIA MLNX_OFED PTP documentation',
    ],
  },
  {
    id: 'broadcom-tg3',
    vendor: 'Broadcom',
    driver: 'tg3',
    models: 'NetXtreme BCM57xx (BCM5720 and kin, on-board on many servers)',
    phcPer: 'port',
    gnss: false,
    dpll: false,
    ppsPins: [],
    recommendedTxTimestampTimeoutMs: 10,
    pitfalls: [
      'older ethtool (ioctl) prints annotated modes: time stamping works, but the NIC is not meant for telecom budgets',
      'no DPLL, no GNSS: fit for an ordinary clock, not a T-GM or T-BC',
    ],
    references: ['facts ptp-formats.md §ethtool (tg3/BCM5720 sample)', 'Linux tg3 driver'],
  },
];

/** The profile of a NIC by its `ethtool -i` driver; undefined for a driver ptp-mcp has no profile of. */
export function vendorProfileOf(driver: string | null | undefined): NicVendorProfile | undefined {
  return driver ? NIC_VENDOR_PROFILES.find((profile) => profile.driver === driver) : undefined;
}
