import { describe, expect, it } from 'vitest';
import type { NodeSnapshot } from '../../../../core/model/snapshot.js';
import { nicFacts } from '../../../../core/nic/nic-facts.js';
import { parseEthtoolDriverInfo, parseEthtoolTimestamping } from '../../../../core/parsers/ethtool-output.js';
import { parseLinuxptpConfig } from '../../../../core/parsers/linuxptp-config.js';
import { nicMap } from '../../../../plugins/nic/nic-map.js';
import { createService } from '../../../../transports/composition-root.js';
import { describeCorpus, readCorpus } from '../../../corpus.js';

const service = createService();
const profiles = service.nicProfiles();

function rendered(file: string, text: string): NodeSnapshot['configs'][number] {
  return {
    file,
    program: file.startsWith('ptp4l') ? 'ptp4l' : null,
    index: 0,
    config: parseLinuxptpConfig(text),
    text,
  };
}

describe('nicMap on the recorded scenarios', () => {
  it('puts the four E810 ports of the demo T-GM on one NIC and one PHC, with nothing to flag', async () => {
    const [gm] = (await service.snapshot({ source: 'demo', node: 'gm-1' })).nodes;
    const map = nicMap(gm!, profiles);
    expect(map.nics).toHaveLength(1);
    expect(map.nics[0]).toMatchObject({ driver: 'ice', profile: 'intel-ice', bus: '0000:51:00' });
    expect(map.interfaces.every((i) => i.support === 'hardware')).toBe(true);
    expect(map.problems).toEqual([]);
  });

  it('flags an interface a config names but ethtool does not know', async () => {
    const [node] = (await service.snapshot({ source: 'demo', node: 'worker-1' })).nodes;
    const map = nicMap({ ...node!, nics: [] }, profiles);
    expect(map.problems.map((p) => p.kind)).toEqual(['absent']);
    expect(map.problems[0]!.detail).toMatch(
      /^ens1f0 \(ptp4l\.0\.config\): ethtool knows no such interface on worker-1/,
    );
  });
});

describeCorpus('nicMap on real ethtool output', () => {
  // Real `ethtool -T` of an E810 T-BC's ports (corpus), with the `ethtool -i` of E810s from the corpus.
  const blocks = readCorpus('linuxptp-daemon', 'ethtool-T_e810-ice-and-onboard_from-daemon-log.txt').split(
    /\n(?=# \$ ethtool -T )/,
  );
  const timestampingOf = (iface: string) =>
    parseEthtoolTimestamping(blocks.find((b) => b.startsWith(`# $ ethtool -T ${iface}\n`))!);
  const ice = readCorpus('meiyanblog', 'ocp-ptp-gm-troubleshooting_command-outputs.txt');
  const driverInfo = (bus: string) =>
    parseEthtoolDriverInfo(
      ice
        .slice(ice.indexOf('driver: ice'))
        .split('\n\n')[0]!
        .replace(/bus-info: \S+/, `bus-info: ${bus}`),
    );

  it('a ptp4l with ports on two E810s (two PHCs) needs boundary_clock_jbod, and 10 ms is too short for ice', () => {
    const ens4f1 = timestampingOf('ens4f1');
    const ens8f0 = timestampingOf('ens8f0');
    expect(ens4f1.phcIndex).not.toBe(ens8f0.phcIndex);
    const node = {
      name: 'tbc',
      configs: [
        rendered(
          'ptp4l.1.config',
          '[global]\ntx_timestamp_timeout 10\n[ens4f1]\nmasterOnly 0\n[ens8f0]\nmasterOnly 1\n',
        ),
      ],
      nics: [
        { iface: 'ens4f1', driverInfo: driverInfo('0000:51:00.1'), timestamping: ens4f1 },
        { iface: 'ens8f0', driverInfo: driverInfo('0000:8a:00.0'), timestamping: ens8f0 },
      ],
    };
    const map = nicMap(node, profiles);
    expect(map.nics.map((n) => n.bus)).toEqual(['0000:51:00', '0000:8a:00']);
    expect(map.problems.map((p) => p.kind)).toEqual(['multi-phc-without-jbod']);
    // What the NIC needs of the config is a fact for the packs (fault-severity nic/*), not a problem here.
    expect(nicFacts(node, profiles)).toEqual({
      profiles: 'intel-ice',
      config: 'ptp4l.1.config',
      txTimestampTimeoutMs: 10,
      txTimestampTimeoutNeedMs: 50,
      drivers: 'ice',
    });
    const fixed = nicMap(
      {
        ...node,
        configs: [
          rendered(
            'ptp4l.1.config',
            '[global]\nboundary_clock_jbod 1\ntx_timestamp_timeout 50\n[ens4f1]\n[ens8f0]\n',
          ),
        ],
      },
      profiles,
    );
    expect(fixed.problems).toEqual([]);
  });
});

describe('NIC profiles (plugins/nic/vendors/*.yaml)', () => {
  it('are recognized by their ethtool driver, and unknown drivers have none', () => {
    expect(profiles.of('ice')?.id).toBe('intel-ice');
    expect(profiles.of('mlx5_core')).toMatchObject({ phcPer: 'port', txTimestampTimeoutMs: 500 });
    expect(profiles.of('tg3')?.dpll).toBe(false);
    expect(profiles.of('igb')).toBeUndefined();
    expect(profiles.all().map((p) => p.driver)).toEqual(['ice', 'mlx5_core', 'tg3']);
  });
});
