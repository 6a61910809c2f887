import { describe, expect, it } from 'vitest';
import { splitTailOutput, tailOutput } from '../../../core/sources/tail-output.js';

describe('several rendered configs in one exec (`tail -v -n +1`)', () => {
  const ptp4l = '[global]\ndomainNumber 24\n';
  const phc2sys = '[global]\nmessage_tag [phc2sys.0.config:{level}]\n';

  it('gives back each file byte for byte, as GNU tail prints them', () => {
    const paths = ['/var/run/ptp4l.0.config', '/var/run/phc2sys.0.config'];
    const { stdout, stderr } = tailOutput([
      { path: paths[0]!, text: ptp4l },
      { path: paths[1]!, text: phc2sys },
    ]);
    expect(stdout).toBe(
      `==> /var/run/ptp4l.0.config <==\n${ptp4l}\n==> /var/run/phc2sys.0.config <==\n${phc2sys}`,
    );
    expect(stderr).toBe('');
    expect(splitTailOutput(stdout, paths)).toEqual(
      new Map([
        [paths[0], ptp4l],
        [paths[1], phc2sys],
      ]),
    );
  });

  it('keeps a file without a final newline, and leaves out one tail could not open', () => {
    const paths = ['/var/run/ts2phc.1.config', '/var/run/ptp4l.1.config', '/var/run/ptp4l.2.config'];
    const { stdout, stderr } = tailOutput([
      { path: paths[0]!, text: undefined },
      { path: paths[1]!, text: '[global]\nslaveOnly 1' },
      { path: paths[2]!, text: '' },
    ]);
    expect(stderr).toBe(
      "tail: cannot open '/var/run/ts2phc.1.config' for reading: No such file or directory\n",
    );
    expect(splitTailOutput(stdout, paths)).toEqual(
      new Map([
        [paths[1], '[global]\nslaveOnly 1'],
        [paths[2], ''],
      ]),
    );
  });

  it('does not take a header-like line inside a file for the next file', () => {
    const paths = ['/var/run/ptp4l.0.config', '/var/run/ptp4l.1.config'];
    const tricky = '# ==> /var/run/ptp4l.1.config <==\n[global]\n';
    const { stdout } = tailOutput([
      { path: paths[0]!, text: tricky },
      { path: paths[1]!, text: ptp4l },
    ]);
    expect(splitTailOutput(stdout, paths).get(paths[0]!)).toBe(tricky);
    expect(splitTailOutput(stdout, paths).get(paths[1]!)).toBe(ptp4l);
  });
});
