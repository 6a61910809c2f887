import { tscUnheard } from './tsc-unheard.js';

/** Fault 5: the T-TSC on domainNumber 25, the T-GM and the T-BC on 24. */
export const domainMismatch = tscUnheard(
  'domain-mismatch',
  'the T-TSC is on domainNumber 25, the T-GM and T-BC on 24: it never gets a master',
  { domainNumber: 25 },
);
