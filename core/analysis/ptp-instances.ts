import type { PtpInstance } from '../model/clock-hierarchy.js';
import type { PmcOutput } from '../model/pmc.js';
import {
  lastOf,
  readCurrentDataSet,
  readDefaultDataSet,
  readParentDataSet,
  readPortDataSet,
  readTimeStatusNp,
} from '../parsers/pmc-datasets.js';

/** A ptp4l instance as its pmc answers describe it (every field null when the data set is missing). */
export function ptpInstance(configFile: string, output: PmcOutput): PtpInstance {
  const own = lastOf(output, 'DEFAULT_DATA_SET');
  const parent = lastOf(output, 'PARENT_DATA_SET');
  const current = lastOf(output, 'CURRENT_DATA_SET');
  const status = lastOf(output, 'TIME_STATUS_NP');
  const defaults = own ? readDefaultDataSet(own) : undefined;
  const parentSet = parent ? readParentDataSet(parent) : undefined;
  const currentSet = current ? readCurrentDataSet(current) : undefined;
  // Every answer's header names the answering port; its clock part is the clock identity.
  const anyAnswer = output.responses[0];
  const clockIdentity = defaults?.clockIdentity ?? (anyAnswer ? clockOfPort(anyAnswer.portIdentity) : null);
  return {
    configFile,
    source: 'pmc',
    clockIdentity: clockIdentity ?? null,
    domainNumber: defaults?.domainNumber ?? null,
    clockClass: defaults?.clockClass ?? null,
    slaveOnly: defaults?.slaveOnly ?? null,
    parentPortIdentity: parentSet?.parentPortIdentity ?? null,
    grandmasterIdentity:
      parentSet?.grandmasterIdentity ?? (status ? (readTimeStatusNp(status).gmIdentity ?? null) : null),
    gmClockClass: parentSet?.gmClockClass ?? null,
    stepsRemoved: currentSet?.stepsRemoved ?? null,
    offsetFromMaster: currentSet?.offsetFromMaster ?? null,
    meanPathDelay: currentSet?.meanPathDelay ?? null,
    gmPresent: status ? (readTimeStatusNp(status).gmPresent ?? null) : null,
    ports: output.responses
      .filter((response) => response.dataSet === 'PORT_DATA_SET')
      .map((response) => readPortDataSet(response))
      .filter((port) => port.portIdentity !== undefined && port.portState !== undefined)
      .map((port) => ({ portIdentity: port.portIdentity!, state: port.portState! })),
  };
}

/** `507c6f.fffe.1fb16c-4` → `507c6f.fffe.1fb16c`. */
export function clockOfPort(portIdentity: string): string {
  return portIdentity.replace(/-\d+$/, '');
}
