import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findConfigFile, loadConfigFile } from '../../../core/config/config-file.js';
import { PackError } from '../../../core/rules/pack-error.js';

describe('ptp-mcp.config.yaml', () => {
  const root = mkdtempSync(join(tmpdir(), 'ptp-mcp-config-'));
  const site = join(root, 'site');
  const deep = join(site, 'configs', 'ran');
  mkdirSync(deep, { recursive: true });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const write = (text: string) => {
    const file = join(site, 'ptp-mcp.config.yaml');
    writeFileSync(file, text);
    return file;
  };

  it('is found in the working folder or the nearest parent, and not elsewhere', () => {
    expect(findConfigFile(deep)).toBeUndefined();
    const file = write('apiVersion: ptp-mcp/v1\nkind: Config\n');
    expect(findConfigFile(deep)).toBe(file);
    expect(findConfigFile(site)).toBe(file);
    expect(findConfigFile(root)).toBeUndefined();
  });

  it('takes relative paths from its own folder, and plugin package names as they are', () => {
    const file = write(`apiVersion: ptp-mcp/v1
kind: Config
packs:
  add: [./packs/acme.yaml]
  replace: {fault-severity: packs/our-faults.yaml}
  disable: [ieee1588-default]
suppressions: ptp-suppressions.yaml
failOn: critical
plugins: [./plugins/acme.js, ptp-mcp-plugin-acme]
sources:
  snapshotRoots: [../must-gathers]
server:
  port: 9090
  sessionIdle: 15m
`);
    const { config } = loadConfigFile(file);
    expect(config.packs?.add).toEqual([join(site, 'packs', 'acme.yaml')]);
    expect(config.packs?.replace).toEqual({ 'fault-severity': join(site, 'packs', 'our-faults.yaml') });
    expect(config.packs?.disable).toEqual(['ieee1588-default']);
    expect(config.suppressions).toBe(join(site, 'ptp-suppressions.yaml'));
    expect(config.plugins).toEqual([join(site, 'plugins', 'acme.js'), 'ptp-mcp-plugin-acme']);
    expect(config.sources?.snapshotRoots).toEqual([join(root, 'must-gathers')]);
    expect(config.server).toMatchObject({ port: 9090, sessionIdle: '15m' });
    expect(config.failOn).toBe('critical');
  });

  it.each([
    [
      'an unknown key',
      'apiVersion: ptp-mcp/v1\nkind: Config\nfailon: critical\n',
      1,
      /unknown key\(s\) "failon"/,
    ],
    ['a wrong value', 'apiVersion: ptp-mcp/v1\nkind: Config\nfailOn: loud\n', 3, /failOn: /],
    [
      'a wrong duration',
      'apiVersion: ptp-mcp/v1\nkind: Config\nserver:\n  watchInterval: soon\n',
      4,
      /a duration/,
    ],
    ['not YAML', 'apiVersion: ptp-mcp/v1\nkind: [Config\n', 3, /YAML/],
    ['another kind', 'apiVersion: ptp-mcp/v1\nkind: RulePack\n', 2, /kind/],
  ])('refuses %s with its file and line', (_, text, line, message) => {
    const file = write(text);
    let error: unknown;
    try {
      loadConfigFile(file);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PackError);
    expect((error as PackError).message).toMatch(message);
    expect((error as PackError).message).toContain(`${file}:${line}`);
  });
});
