import { tscUnheard } from './tsc-unheard.js';

/** Fault 6: the T-TSC on UDPv4, the T-BC's port towards it on L2 (802.3). */
export const transportMismatch = tscUnheard(
  'transport-mismatch',
  'the T-TSC runs UDPv4 against the T-BC on L2: it never gets a master',
  { network_transport: 'UDPv4' },
);
