import { linuxptpTarget } from '../../lint/linuxptp-version.js';
import type { FindingLocation } from '../../model/finding.js';
import { currentOptionName } from '../../parsers/linuxptp-config-lookup.js';
import type { Evaluation, EvaluationsByScope } from '../rule-engine.js';
import { commandLineEvaluations, commandLineOverrides, overrideFacts } from './command-line-facts.js';
import type { OptionFact } from './config-fact-schema.js';
import { optionKnowledge } from './option-knowledge.js';
import { optionValueFacts } from './option-value.js';
import {
  entryLocation,
  type PositionedConfig,
  type ProfileInput,
  profileFacts,
  typed,
} from './profile-facts.js';

export interface ConfigLintOptions {
  /** The linuxptp release the configuration will run on (OpenShift 4.x ships 4.4 as 4.4-1.el9). */
  linuxptpVersion: string;
}

/**
 * The evaluations of one profile for configuration lint: the profile itself, each of its ports (its
 * own options over the global ones), and each option it sets, in its configs or on a command line.
 */
export function configEvaluations(input: ProfileInput, options: ConfigLintOptions): EvaluationsByScope {
  const profile = profileFacts(input);
  const subject = { profile: profileLabel(input) };
  const summary = profile.facts.profile;
  const base = { subject, file: input.file };

  const ports: Evaluation[] = Object.entries(profile.parsed.ports).map(([name, own]) => ({
    ...base,
    subject: { ...subject, iface: name },
    facts: { port: { name, ...profile.parsed.global, ...own, own }, profile: summary },
    locate: (fact, path) => {
      if (fact !== 'port') return profile.locate(fact, path);
      const key = path.replace(/^\$\.(own\.)?/, '');
      return (
        profile.locate('profile', `$.ports.${name}.${key}`) ?? profile.locate('profile', `$.global.${key}`)
      );
    },
  }));

  const optionEvaluations: Evaluation[] = [];
  const { table } = linuxptpTarget(options.linuxptpVersion);
  const addOption = (
    program: OptionFact['program'],
    key: string,
    value: string,
    section: string,
    source: OptionFact['source'],
    location: FindingLocation,
    extra: Partial<ReturnType<typeof overrideFacts>> = {},
  ) => {
    const knowledge = optionKnowledge(key, section, options.linuxptpVersion);
    // The [unicast_master_table] lines are not config_tab options (config.c parse_unicast_mtab_line).
    const values =
      section === 'unicast_master_table'
        ? { valueProblem: null, allowedText: null, checkedAgainst: table }
        : optionValueFacts(key, value, table, program);
    optionEvaluations.push({
      ...base,
      subject: section === 'global' ? subject : { ...subject, iface: section },
      facts: {
        option: {
          program,
          key,
          value: typed(value),
          section,
          inPort: section !== 'global' && section !== 'unicast_master_table',
          source,
          targetVersion: options.linuxptpVersion,
          rawValue: value,
          ...knowledge,
          ...values,
          hint: knowledge.suggestion ? `did you mean ${knowledge.suggestion}?` : 'no known option is close',
          ...extra,
        } satisfies OptionFact,
        profile: summary,
      },
      locate: (fact, path) => (fact === 'option' ? location : profile.locate(fact, path)),
    });
  };
  const configs: [OptionFact['program'], PositionedConfig, string][] = [
    ['ptp4l', profile.parsed.ptp4l, 'ptp4lConf'],
    ['ts2phc', profile.parsed.ts2phc, 'ts2phcConf'],
    ['phc2sys', profile.parsed.phc2sys, 'phc2sysConf'],
  ];
  // Command line: the option set on the program's command line too (command-line-facts.ts).
  const overrides = commandLineOverrides({
    ptp4l: input.profile.ptp4lOpts,
    phc2sys: input.profile.phc2sysOpts,
    ts2phc: input.profile.ts2phcOpts,
  });
  for (const [program, { config, positioned }, field] of configs) {
    const commandLine = overrides[program as keyof typeof overrides];
    for (const section of config.sections) {
      for (const entry of section.entries) {
        const location = positioned ? entryLocation(input.file, entry) : profile.parsed.fieldLocation(field);
        const override = overrideFacts(commandLine.get(currentOptionName(entry.key)), entry.value);
        addOption(program, entry.key, entry.value, section.name, 'config', location, override);
      }
    }
  }
  for (const { program, longOptions } of profile.parsed.options) {
    for (const [key, value] of Object.entries(longOptions)) {
      addOption(program, key, value, 'global', 'commandLine', profile.parsed.fieldLocation(`${program}Opts`));
    }
  }

  // A profile that runs no ptp4l (an HA profile's phc2sys, a ts2phc config) has only its options checked:
  // the profile and port rules are about the ptp4l it would start.
  const runsPtp4l =
    (input.profile.ptp4lConf ?? '').trim() !== '' || (input.profile.ptp4lOpts ?? '').trim() !== '';
  return {
    ptp4lProfile: runsPtp4l ? [{ ...base, facts: profile.facts, locate: profile.locate }] : [],
    port: runsPtp4l ? ports : [],
    option: optionEvaluations,
    commandLine: commandLineEvaluations(input, {
      base,
      summary,
      version: options.linuxptpVersion,
      release: table,
      runsPtp4l,
      locate: profile.locate,
      fieldLocation: profile.parsed.fieldLocation,
    }),
  };
}

/** `PtpConfig/profile` for a CR's profile, the file name for a raw config. */
export function profileLabel(input: ProfileInput): string {
  return input.ptpConfig ? `${input.ptpConfig}/${input.profile.name}` : input.profile.name;
}
