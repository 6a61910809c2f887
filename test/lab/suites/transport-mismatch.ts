import { transportMismatch } from '../scenarios/transport-mismatch.js';
import { unheardTscSuite } from './unheard-tsc.js';

/**
 * Lab scenario transport-mismatch on real ptp4l 3.1.1 (fixtures/lab/transport-mismatch/README.md): the
 * T-TSC on UDPv4, the T-BC's port on L2. Neither reads the other's messages (raw.c, udp.c): the T-TSC's
 * port stays LISTENING, it never gets a master, and its log is the same as on another domain.
 */
export const transportMismatchSuite = unheardTscSuite(transportMismatch, 'fault/transport-mismatch', [
  'network_transport UDPv4',
  'run L2',
]);
