import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host);
}

/**
 * Browsers send Origin; a page of another origin must not reach a local MCP server (DNS rebinding and
 * cross-site requests). Requests without Origin (MCP clients, curl) pass; others only from the list.
 */
export function originGuard(allowed: readonly string[]) {
  return (request: Request, response: Response, next: NextFunction) => {
    const origin = request.headers.origin;
    if (origin === undefined || allowed.includes(origin) || allowed.includes('*')) return next();
    response.status(403).json({ error: `origin ${origin} is not allowed` });
  };
}

/** `Authorization: Bearer <token>`, compared in constant time; nothing passes without it when set. */
export function bearerGuard(token: string | undefined) {
  const expected = token === undefined ? undefined : Buffer.from(token);
  return (request: Request, response: Response, next: NextFunction) => {
    if (!expected) return next();
    // The scheme is case-insensitive (RFC 9110 §11.1): `bearer` and `BEARER` are Bearer.
    const given = /^Bearer +(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const buffer = Buffer.from(given ?? '');
    if (given !== undefined && buffer.length === expected.length && timingSafeEqual(buffer, expected))
      return next();
    response.setHeader('WWW-Authenticate', 'Bearer realm="ptp-mcp"');
    response.status(401).json({ error: 'a bearer token is required' });
  };
}

/** The origins a loopback server accepts by default: its own pages only. */
export function loopbackOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`];
}
