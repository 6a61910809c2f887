import { describe, expect, it } from 'vitest';
import { lintText } from '../../../core/lint/lint-run.js';

/**
 * linuxptp ships configs for profiles no built-in pack knows (configs/ at v4.4): IEEE 802.1AS (gPTP.cfg,
 * automotive-*.cfg: transportSpecific 0x1, 8 Sync/s, P2P), the Common Mean Link Delay Service
 * (CMLDS_server.cfg: clientOnly, free_running, transportSpecific 2) and security association files
 * (sa.cfg, read by sad.c as sa_file). None of them may get another profile's advice or a role finding
 * that its design contradicts. The configs below keep the keys of those files that matter here.
 */
const lint = (text: string, name: string) => lintText(text, name, 'linuxptp', {});

describe('linuxptp configs of profiles without a built-in pack', () => {
  it('gPTP (802.1AS): only linuxptp-config, no default-profile range', async () => {
    const result = await lint(
      '[global]\ngmCapable 1\nlogSyncInterval -3\ntransportSpecific 0x1\ndelay_mechanism P2P\nnetwork_transport L2\ntx_timestamp_timeout 50\n[eth0]\n',
      'gPTP.cfg',
    );
    expect(result.profiles[0]).toMatchObject({ packs: ['linuxptp-config'] });
    expect(result.profiles[0]!.reason).toContain('802.1AS');
    expect(result.findings.map((f) => f.rule)).toEqual([]);
  });

  it('a default-profile config with 8 Sync/s still gets the default profile range (the silent case above is gPTP only)', async () => {
    const result = await lint('[global]\nlogSyncInterval -3\ntx_timestamp_timeout 50\n[eth0]\n', 'oc.cfg');
    expect(result.findings.map((f) => f.rule)).toContain('ieee1588/sync-interval-range');
  });

  it('a CMLDS link port (transportSpecific 2) runs free on purpose: no free-running finding', async () => {
    const cmlds =
      '[global]\nclientOnly 1\nfree_running 1\ntransportSpecific 2\ntx_timestamp_timeout 50\n[eth1]\ndelay_mechanism P2P\n';
    expect((await lint(cmlds, 'CMLDS_server.cfg')).findings.map((f) => f.rule)).toEqual([]);
    const receiver = cmlds.replace('transportSpecific 2\n', '');
    expect((await lint(receiver, 'oc.cfg')).findings.map((f) => f.rule)).toContain(
      'linuxptp/free-running-time-receiver',
    );
  });

  it('a security association file is not a ptp4l config: a clear input error, no findings', async () => {
    const result = await lint(
      '[security_association]\nspp 1\nseqid_window 20\n1 AES128 HEX:00112233445566778899AABBCCDDEEFF\n',
      'sa.cfg',
    );
    expect(result.findings).toEqual([]);
    expect(result.errors.map((e) => e.message)).toEqual([
      expect.stringContaining('security association file (sa_file'),
    ]);
  });
});
