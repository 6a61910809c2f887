import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes `count` PtpConfig files made from a real-format template: each with its own name, interface
 * and domain, one in ten with a second profile, one in five with a mistake a linter must catch (a domain
 * outside G.8275.1, a misspelt option, phc2sys on another domain). Returns the number of profiles.
 */
export function writeConfigs(dir: string, count: number, template: string): number {
  let profiles = 0;
  for (let i = 0; i < count; i++) {
    let text = template
      .replace('name: t-tsc', `name: site-${i}`)
      .replaceAll('ens1f0', `ens${1 + (i % 7)}f${i % 4}`)
      .replace('domainNumber 24', `domainNumber ${24 + (i % 20)}`)
      .replace('-n 24', `-n ${24 + (i % 20)}`);
    if (i % 5 === 1) text = text.replace(/domainNumber \d+/, 'domainNumber 44');
    if (i % 5 === 3) text = text.replace('announceReceiptTimeout', 'announceReceiptTimout');
    if (i % 5 === 4) text = text.replace(/-n \d+/, '-n 0');
    profiles++;
    if (i % 10 === 0) {
      // A second profile: the same clock under another name (what the operator applies elsewhere).
      const profile = text.slice(text.indexOf('    - name: tsc'), text.indexOf('  recommend:'));
      text = text.replace('  recommend:', `${profile.replace('name: tsc', 'name: tsc-b')}  recommend:`);
      profiles++;
    }
    writeFileSync(join(dir, `ptpconfig-${String(i).padStart(4, '0')}.yaml`), text);
  }
  return profiles;
}

/**
 * A T-BC's ptp4l.conf with `ports` port sections, the shape of the 3.3 MB file of issue 10: the [global]
 * of `template` (a raw G.8275.1 config) without clientOnly, then `[ens<i>f0]` sections, the first the
 * time receiver (`masterOnly 0`), the others `masterOnly 1`. Every port is a port evaluation, an option
 * evaluation and a finding (masterOnly is the deprecated name of serverOnly).
 */
export function portSectionsConfig(template: string, ports: number): string {
  const global = template
    .slice(0, template.search(/^\[(?!global\])/m))
    .replace(/^#.*\n/gm, '')
    .replace(/^clientOnly .*\n/m, '');
  const sections: string[] = [global];
  for (let i = 0; i < ports; i++) sections.push(`[ens${i}f0]\nmasterOnly ${i === 0 ? 0 : 1}\n`);
  return sections.join('');
}
