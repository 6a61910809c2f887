import { describe, expect, it } from 'vitest';
import { accessOf } from '../../../simulate/api-access.js';

const of = (path: string, search = '', upgrade = false) =>
  accessOf(path, new URLSearchParams(search), upgrade);

describe('accessOf: a request as Kubernetes RBAC sees it', () => {
  it('lists, gets and watches, namespaced or at the cluster scope', () => {
    expect(of('/api/v1/nodes')).toEqual({ verb: 'list', group: '', resource: 'nodes' });
    expect(of('/api/v1/namespaces/openshift-ptp/pods', 'labelSelector=app%3Dlinuxptp-daemon')).toEqual({
      verb: 'list',
      group: '',
      resource: 'pods',
      namespace: 'openshift-ptp',
    });
    expect(of('/api/v1/namespaces/openshift-ptp/events', 'watch=true')).toMatchObject({ verb: 'watch' });
    expect(of('/apis/apps/v1/namespaces/openshift-ptp/daemonsets/linuxptp-daemon')).toEqual({
      verb: 'get',
      group: 'apps',
      resource: 'daemonsets',
      namespace: 'openshift-ptp',
    });
    expect(of('/apis/ptp.openshift.io/v1/namespaces/openshift-ptp/ptpconfigs')).toMatchObject({
      verb: 'list',
      group: 'ptp.openshift.io',
      resource: 'ptpconfigs',
    });
  });

  it('subresources: logs and the pod proxy are get, exec over a WebSocket upgrade is create', () => {
    expect(of('/api/v1/namespaces/openshift-ptp/pods/daemon-x/log', 'container=c')).toEqual({
      verb: 'get',
      group: '',
      resource: 'pods',
      subresource: 'log',
      namespace: 'openshift-ptp',
    });
    expect(of('/api/v1/namespaces/openshift-ptp/pods/daemon-x:9091/proxy/metrics')).toMatchObject({
      verb: 'get',
      subresource: 'proxy',
    });
    expect(of('/api/v1/namespaces/openshift-ptp/pods/daemon-x/exec', 'command=pmc', true)).toMatchObject({
      verb: 'create',
      resource: 'pods',
      subresource: 'exec',
    });
  });

  it('namespaces themselves, and discovery paths outside the resource API', () => {
    expect(of('/api/v1/namespaces/openshift-ptp')).toEqual({
      verb: 'get',
      group: '',
      resource: 'namespaces',
    });
    expect(of('/version')).toEqual({ verb: 'get', nonResourceURL: '/version' });
    expect(of('/apis')).toEqual({ verb: 'get', nonResourceURL: '/apis' });
  });
});
