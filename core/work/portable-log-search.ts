import type { LogQuery } from '../logs/log-search.js';
import { userRegex } from '../rules/user-regex.js';
import type { LogSearchRequest } from '../service.js';

/**
 * A log search as it can cross to a work thread: the pattern as written (a compiled one is an object
 * of methods, which does not cross), compiled on the thread that searches.
 */
export interface PortableLogSearch extends Omit<LogSearchRequest, 'query'> {
  query: Omit<LogQuery, 'pattern'> & { pattern?: { source: string; flags: string } };
}

/** The search with its pattern compiled; the caller checked it (regexProblem) when the call arrived. */
export function compiledLogSearch(request: PortableLogSearch): LogSearchRequest {
  const { pattern, ...query } = request.query;
  if (pattern === undefined) return { ...request, query };
  const compiled = userRegex(pattern.source, pattern.flags);
  if (!compiled) throw new Error('a log search pattern was not checked before the search');
  return { ...request, query: { ...query, pattern: compiled } };
}
