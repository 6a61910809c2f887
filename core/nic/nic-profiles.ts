import { type NicProfile, NicProfilesFile } from '../model/nic-profile.js';
import { declaresKind, readYamlFile } from '../rules/yaml-file.js';

/** A NIC profile file is a few KB: the pack cap (4 MB) is far more than any vendor needs. */
export function loadNicProfilesFile(file: string): NicProfilesFile {
  return readYamlFile(file, NicProfilesFile, 'NIC profiles file').data;
}

/** Whether a file declares `kind: NicProfiles` (rules validate tells it from a rule pack by that). */
export function isNicProfilesFile(file: string): boolean {
  return declaresKind(file, 'NicProfiles');
}

/**
 * The NIC profiles in effect, by `ethtool -i` driver: files in the order the plugins registered them, a
 * later profile of a driver replacing an earlier one (a site's plugin can correct a built-in profile).
 */
export class NicProfiles {
  private readonly byDriver = new Map<string, NicProfile>();

  constructor(files: readonly string[]) {
    for (const file of files)
      for (const profile of loadNicProfilesFile(file).spec.profiles)
        this.byDriver.set(profile.driver, profile);
  }

  of(driver: string | null | undefined): NicProfile | undefined {
    return driver ? this.byDriver.get(driver) : undefined;
  }

  all(): NicProfile[] {
    return [...this.byDriver.values()];
  }
}
