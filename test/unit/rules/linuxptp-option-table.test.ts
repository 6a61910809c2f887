import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../../core/package-root.js';
import { LINUXPTP_OPTION_TABLES } from '../../../core/rules/data/linuxptp-option-table.js';
import { LINUXPTP_OPTIONS, LINUXPTP_RELEASES } from '../../../core/rules/data/linuxptp-options.js';

/** A linuxptp clone (bare or not) to regenerate from: LINUXPTP_GIT_DIR, else the team's mirror. */
const LINUXPTP = process.env.LINUXPTP_GIT_DIR ?? '/work/.mirror/richardcochran+linuxptp/repo';
const GENERATED = join(packageRoot(), 'core/rules/data/linuxptp-option-table.ts');

describe('the linuxptp option table generated from config.c', () => {
  it.skipIf(!existsSync(LINUXPTP))(
    `is what scripts/generate-linuxptp-options.mjs writes from ${LINUXPTP} today (skipped without a linuxptp clone there)`,
    () => {
      const out = join(mkdtempSync(join(tmpdir(), 'ptp-mcp-options-')), 'table.ts');
      execFileSync(process.execPath, [
        join(packageRoot(), 'scripts/generate-linuxptp-options.mjs'),
        LINUXPTP,
        out,
      ]);
      expect(readFileSync(out, 'utf8')).toBe(readFileSync(GENERATED, 'utf8'));
    },
  );

  it('holds the facts read from config.c: ranges that changed between releases, enum names, defaults', () => {
    expect(LINUXPTP_OPTION_TABLES['3.1.1'].domainNumber).toEqual({
      scope: 'global',
      type: 'int',
      default: 0,
      min: 0,
      max: 127,
    });
    expect(LINUXPTP_OPTION_TABLES['4.0'].domainNumber?.max).toBe(255);
    // CLOCK_CLASS_THRESHOLD_DEFAULT (ds.h) resolved; enum defaults by name.
    expect(LINUXPTP_OPTION_TABLES['4.4'].clock_class_threshold).toMatchObject({ min: 6, max: 248 });
    expect(LINUXPTP_OPTION_TABLES['4.4'].delay_mechanism).toMatchObject({ scope: 'port', default: 'E2E' });
    expect(LINUXPTP_OPTION_TABLES['3.1.1'].delay_mechanism?.values).not.toContain('COMMON_P2P');
    expect(LINUXPTP_OPTION_TABLES['4.4'].delay_mechanism?.values).toContain('COMMON_P2P');
    expect(LINUXPTP_OPTION_TABLES['4.4'].active_key_id).toMatchObject({ type: 'uint', max: 4294967295 });
  });

  it('names every option with its scope and first release (linuxptp-options.ts is derived, not written)', () => {
    expect(LINUXPTP_RELEASES).toEqual(['3.1.1', '4.0', '4.1', '4.2', '4.3', '4.4']);
    expect(LINUXPTP_OPTIONS.clock_class_threshold).toEqual({ scope: 'global', since: '4.0' });
    expect(LINUXPTP_OPTIONS['ts2phc.holdover']).toEqual({ scope: 'port', since: '4.4' });
    expect(LINUXPTP_OPTIONS.user).toEqual({ scope: 'global', since: 'unreleased' });
    expect(LINUXPTP_OPTIONS['ts2phc.rh_external_pps']?.vendor).toBe('Red Hat');
  });
});
