import { describe, expect, it } from 'vitest';
import { kubeOptions } from '../../../transports/cli/kube-options.js';

describe('kubeOptions: how to reach a cluster, or a fleet of them', () => {
  it('keeps every --context in order, the first for single-cluster commands', () => {
    const { rest, kube } = kubeOptions(['diagnose', '--context', 'a', '--format', 'json', '--context=b']);
    expect(rest).toEqual(['diagnose', '--format', 'json']);
    expect(kube).toEqual({ context: 'a', contexts: ['a', 'b'] });
  });

  it('takes --all-contexts, and refuses it beside --context', () => {
    expect(kubeOptions(['--all-contexts', '--kubeconfig', 'k']).kube).toEqual({
      allContexts: true,
      kubeconfig: 'k',
    });
    expect(() => kubeOptions(['--all-contexts', '--context', 'a'])).toThrow(
      'give --context (one or more) or --all-contexts, not both',
    );
    expect(() => kubeOptions(['--context'])).toThrow('--context needs a value');
  });
});
