import { describe, expect, it } from 'vitest';
import type { LoadedConfig } from '../../../core/config/config-file.js';
import { applyPackPolicy } from '../../../core/config/pack-policy.js';
import { CliError } from '../../../transports/cli/cli-error.js';
import { configOptions, kubeWithConfig } from '../../../transports/cli/config-options.js';

const loaded = (sources: NonNullable<LoadedConfig['config']['sources']>): LoadedConfig => ({
  file: '/site/ptp-mcp.config.yaml',
  config: { apiVersion: 'ptp-mcp/v1', kind: 'Config', sources },
});

describe('--config and --no-config', () => {
  it('are taken out wherever they stand; the last one wins', () => {
    expect(configOptions(['lint', '--config', 'a.yaml', 'x.conf'])).toEqual({
      rest: ['lint', 'x.conf'],
      choice: { file: 'a.yaml' },
    });
    expect(configOptions(['--config=a.yaml', 'lint', '--no-config']).choice).toBe('none');
    expect(configOptions(['lint']).choice).toBe('find');
    expect(() => configOptions(['lint', '--config'])).toThrow(CliError);
    expect(() => configOptions(['lint', '--config', '--pack'])).toThrow('--config needs a file');
  });
});

describe('sources of the config file', () => {
  it('reach a cluster where no flag says otherwise: the first context, the timeout in ms', () => {
    const config = loaded({
      kubeconfig: '/site/kubeconfig',
      namespace: 'ptp',
      contexts: ['east', 'west'],
      timeout: '5m',
    });
    expect(kubeWithConfig({}, config)).toEqual({
      kubeconfig: '/site/kubeconfig',
      namespace: 'ptp',
      context: 'east',
      // All of them for diagnose, which reads them as a fleet.
      contexts: ['east', 'west'],
      readTimeoutMs: 300_000,
    });
    expect(kubeWithConfig({ context: 'lab', readTimeoutMs: 1000 }, config)).toMatchObject({
      context: 'lab',
      readTimeoutMs: 1000,
      namespace: 'ptp',
    });
    expect(kubeWithConfig({ namespace: 'x' }, undefined)).toEqual({ namespace: 'x' });
  });
});

describe('packs.disable and packs.replace', () => {
  it('drop or swap built-in packs run by name, and leave the others', () => {
    const policy = { disable: ['clock-class-fallback'], replace: { 'fault-severity': '/site/faults.yaml' } };
    expect(applyPackPolicy(['fault-severity', 'clock-class-fallback', './team.yaml'], policy)).toEqual([
      '/site/faults.yaml',
      './team.yaml',
    ]);
    expect(applyPackPolicy(['fault-severity'], undefined)).toEqual(['fault-severity']);
  });
});
