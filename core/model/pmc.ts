import { z } from 'zod';

/** One answer pmc printed: `\t<port identity> seq N RESPONSE MANAGEMENT <DATA_SET>` and its fields. */
export const PmcResponse = z.object({
  portIdentity: z.string(),
  sequenceId: z.number().int(),
  /** RESPONSE, ACKNOWLEDGE … */
  action: z.string(),
  /** The data set (PARENT_DATA_SET …), or MANAGEMENT_ERROR_STATUS / empty-tlv when the answer has none. */
  dataSet: z.string(),
  /** Field values as printed (`gm.ClockClass` → `6`). */
  fields: z.record(z.string(), z.string()),
  /** The request this answers (`GET PARENT_DATA_SET`), when the output showed it. */
  request: z.string().nullable(),
  line: z.number().int(),
});
export type PmcResponse = z.infer<typeof PmcResponse>;

export const PmcOutput = z.object({
  requests: z.array(z.string()),
  responses: z.array(PmcResponse),
  /** Requests that got no answer at all (ptp4l not running, wrong domain or socket). */
  unanswered: z.array(z.string()),
  unparsedLines: z.number().int(),
});
export type PmcOutput = z.infer<typeof PmcOutput>;
