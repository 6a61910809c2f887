import { domainMismatch } from '../scenarios/domain-mismatch.js';
import { unheardTscSuite } from './unheard-tsc.js';

/**
 * Lab scenario domain-mismatch on real ptp4l 3.1.1 (fixtures/lab/domain-mismatch/README.md): the T-TSC on
 * domainNumber 25, the T-GM and the T-BC on 24. ptp4l drops messages of another domain without a word
 * (port.c port_ignore): the T-TSC's port stays LISTENING, it never gets a master.
 */
export const domainMismatchSuite = unheardTscSuite(domainMismatch, 'fault/domain-mismatch', [
  'domainNumber 25',
  'domainNumber 24',
]);
