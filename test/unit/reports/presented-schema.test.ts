import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Diagnosis } from '../../../core/model/diagnosis.js';
import { LogTime } from '../../../core/model/log-record.js';
import { present, presentedSchema } from '../../../core/reports/presented-schema.js';
import { createService } from '../../../transports/composition-root.js';

describe('presentedSchema', () => {
  it('describes what present makes of a diagnosis: the demo validates', async () => {
    const diagnosis = await createService().diagnose({ source: 'demo' });
    const schema = presentedSchema(Diagnosis);
    const result = schema.safeParse(present(Diagnosis, diagnosis));
    expect(result.success, JSON.stringify(result.error?.issues.slice(0, 2))).toBe(true);
    // The raw model does not: its times are objects.
    expect(schema.safeParse(diagnosis).success).toBe(false);
  });

  it('turns LogTime into an ISO string or null, wherever it sits', () => {
    const schema = presentedSchema(
      z.object({
        at: LogTime,
        maybe: LogTime.nullable(),
        list: z.array(z.object({ t: LogTime })),
        other: z.number(),
      }),
    );
    expect(
      schema.parse({ at: '2026-11-20T08:00:00.000Z', maybe: null, list: [{ t: null }], other: 1 }),
    ).toBeTruthy();
    expect(schema.safeParse({ at: { wall: 1 }, maybe: null, list: [], other: 1 }).success).toBe(false);
  });
});
