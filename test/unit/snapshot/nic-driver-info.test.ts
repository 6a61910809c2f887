import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { packageRoot } from '../../../core/package-root.js';
import { parseEthtoolDriverInfo } from '../../../core/parsers/ethtool-output.js';
import { deviceDriverInfo, driverInfoOfDevice } from '../../../core/snapshot/nic-driver-info.js';

const demo = join(packageRoot(), 'fixtures', 'clusters', 'demo');

describe('what `ethtool -i` says, from the NodePtpDevice the daemon wrote', () => {
  it('matches the recorded `ethtool -i` of every interface of the demo site', () => {
    const devices = parse(readFileSync(join(demo, 'cluster', 'nodeptpdevices.yaml'), 'utf8')).items;
    let compared = 0;
    for (const node of readdirSync(join(demo, 'nodes'))) {
      const dir = join(demo, 'nodes', node, 'ethtool');
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.i.txt'))) {
        const recorded = parseEthtoolDriverInfo(readFileSync(join(dir, file), 'utf8'));
        const derived = deviceDriverInfo(devices, node, file.slice(0, -'.i.txt'.length));
        expect(derived).toEqual({ ...recorded, expansionRomVersion: null, supports: {} });
        compared++;
      }
    }
    expect(compared).toBe(15);
  });

  it('says nothing when the device reports less than ethtool would (older operators)', () => {
    expect(driverInfoOfDevice(undefined)).toBeNull();
    expect(driverInfoOfDevice({ firmwareVersion: '4.80', pciAddress: '0000:51:00.0' })).toBeNull();
    expect(
      driverInfoOfDevice({ driverVersion: 'ice', firmwareVersion: '4.80', pciAddress: '0000:51:00.0' }),
    ).toBeNull();
    expect(
      driverInfoOfDevice({
        driverVersion: 'ice v1.11.16',
        firmwareVersion: '4.20',
        pciAddress: '0000:10:00.0',
      }),
    ).toMatchObject({ driver: 'ice', version: '1.11.16', firmwareVersion: '4.20', busInfo: '0000:10:00.0' });
  });
});
