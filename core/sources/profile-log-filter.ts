import type { NamedText, TextStream } from './raw-cluster.js';

/**
 * The config files of a profile on a node: the rendered configs whose first line is the daemon's
 * `#profile: <name>` header (ptp4l.1.config, phc2sys.1.config, ts2phc.1.config for one T-BC profile).
 */
export function configFilesOfProfile(configs: readonly NamedText[], profile: string): string[] {
  return configs
    .filter((config) => /^#profile:\s*(\S+)/.exec(config.text)?.[1] === profile)
    .map((config) => config.name.slice(config.name.lastIndexOf('/') + 1));
}

/**
 * A daemon log narrowed to one profile: the lines tagged with one of its config files
 * (`[ptp4l.1.config:6]`, `phc2sys[…]: [ptp4l.1.config]`, `GM[…]:[ts2phc.1.config]`), and the daemon's
 * own lines that name the profile or one of its files. Streamed: nothing is held.
 */
export function profileLogFilter(stream: TextStream, profile: string, files: readonly string[]): TextStream {
  const needles = [profile, ...files].map((needle) => Buffer.from(needle));
  return {
    name: `${stream.name} (profile ${profile})`,
    async *open() {
      let carry: Buffer = Buffer.alloc(0);
      const keep = (line: Buffer) => needles.some((needle) => line.includes(needle));
      for await (const piece of stream.open()) {
        const chunk = carry.length > 0 ? Buffer.concat([carry, piece]) : Buffer.from(piece);
        const kept: Buffer[] = [];
        let start = 0;
        for (let end = chunk.indexOf(10); end >= 0; end = chunk.indexOf(10, start)) {
          const line = chunk.subarray(start, end + 1);
          if (keep(line)) kept.push(line);
          start = end + 1;
        }
        carry = chunk.subarray(start);
        if (kept.length > 0) yield Buffer.concat(kept);
      }
      if (carry.length > 0 && keep(carry)) yield carry;
    },
  };
}
