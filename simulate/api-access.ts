/**
 * What a request asks of Kubernetes' authorizer: the attributes RBAC decides on (verb, API group,
 * resource, subresource, namespace or cluster scope). The simulated API server records them so that the
 * roles of deploy/ are derived from what the code really asks, never from a hand-written list.
 */
export interface ApiAccess {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  /** The namespace of a namespaced request; absent at the cluster scope. */
  namespace?: string;
}

/** A path outside the resource API (`/version`, `/apis`): discovery, granted to every authenticated user. */
export interface NonResourceAccess {
  verb: 'get';
  nonResourceURL: string;
}

/**
 * The attributes of a request as the API server's RequestInfo resolves them: a GET of a collection is
 * `list` (`watch` with ?watch=true), of a named object or subresource `get`; exec over a WebSocket
 * upgrade is `create` (Kubernetes 1.30+ authorizes WebSocket exec as create, as it does POST).
 */
export function accessOf(
  path: string,
  search: URLSearchParams,
  upgrade: boolean,
): ApiAccess | NonResourceAccess {
  const parts = path.split('/').filter(Boolean);
  const api =
    parts[0] === 'api'
      ? { group: '', rest: parts.slice(2) }
      : parts[0] === 'apis'
        ? { group: parts[1] ?? '', rest: parts.slice(3) }
        : undefined;
  if (!api || api.rest.length === 0) return { verb: 'get', nonResourceURL: path };
  let rest = api.rest;
  let namespace: string | undefined;
  // `namespaces/NS/...` scopes the request; `namespaces` or `namespaces/NAME` alone is the resource itself.
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [resource, name, subresource] = rest as [string, string?, string?];
  const verb = upgrade
    ? 'create'
    : name !== undefined
      ? 'get'
      : search.get('watch') === 'true'
        ? 'watch'
        : 'list';
  return {
    verb,
    group: api.group,
    resource,
    ...(subresource ? { subresource } : {}),
    ...(namespace ? { namespace } : {}),
  };
}

/** The distinct accesses a server saw, keyed so that each is kept once. */
export class AccessLog {
  private readonly seen = new Map<string, ApiAccess | NonResourceAccess>();

  record(access: ApiAccess | NonResourceAccess): void {
    this.seen.set(JSON.stringify(access), access);
  }

  /** Every distinct access to a resource (discovery paths apart). */
  resources(): ApiAccess[] {
    return [...this.seen.values()].filter((a): a is ApiAccess => 'resource' in a);
  }
}
