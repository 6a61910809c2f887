import type { PmcOutput, PmcResponse } from '../model/pmc.js';

/** A number printed in decimal or 0x hex; undefined when it is neither. */
function number(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^0x[\da-f]+$/i.test(trimmed)) return Number.parseInt(trimmed, 16);
  if (/^[-+]?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  return undefined;
}

function bool(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim().toLowerCase();
  if (trimmed === '1' || trimmed === 'true') return true;
  if (trimmed === '0' || trimmed === 'false') return false;
  return undefined;
}

/** The last answer of a data set (several answers: a BC's ports; the last is the freshest). */
export function lastOf(output: PmcOutput, dataSet: string): PmcResponse | undefined {
  return output.responses.findLast((response) => response.dataSet === dataSet);
}

export function readDefaultDataSet(r: PmcResponse) {
  const f = r.fields;
  return {
    clockIdentity: f.clockIdentity,
    domainNumber: number(f.domainNumber),
    clockClass: number(f.clockClass),
    clockAccuracy: number(f.clockAccuracy),
    priority1: number(f.priority1),
    priority2: number(f.priority2),
    slaveOnly: bool(f.slaveOnly ?? f.clientOnly),
    numberPorts: number(f.numberPorts),
  };
}

export function readParentDataSet(r: PmcResponse) {
  const f = r.fields;
  return {
    parentPortIdentity: f.parentPortIdentity,
    grandmasterIdentity: f.grandmasterIdentity,
    gmClockClass: number(f['gm.ClockClass']),
    gmClockAccuracy: number(f['gm.ClockAccuracy']),
    gmOffsetScaledLogVariance: number(f['gm.OffsetScaledLogVariance']),
    grandmasterPriority1: number(f.grandmasterPriority1),
    grandmasterPriority2: number(f.grandmasterPriority2),
  };
}

/** offsetFromMaster and meanPathDelay are printed in ns (pmc divides the scaled values by 65536). */
export function readCurrentDataSet(r: PmcResponse) {
  const f = r.fields;
  return {
    stepsRemoved: number(f.stepsRemoved),
    offsetFromMaster: number(f.offsetFromMaster),
    meanPathDelay: number(f.meanPathDelay),
  };
}

export function readTimeStatusNp(r: PmcResponse) {
  const f = r.fields;
  return {
    masterOffset: number(f.master_offset),
    ingressTime: number(f.ingress_time),
    gmPresent: bool(f.gmPresent),
    gmIdentity: f.gmIdentity,
  };
}

export function readPortDataSet(r: PmcResponse) {
  const f = r.fields;
  return {
    portIdentity: f.portIdentity,
    portState: f.portState,
    logAnnounceInterval: number(f.logAnnounceInterval),
    logSyncInterval: number(f.logSyncInterval),
    logMinDelayReqInterval: number(f.logMinDelayReqInterval),
    announceReceiptTimeout: number(f.announceReceiptTimeout),
    delayMechanism: number(f.delayMechanism),
  };
}

export function readTimePropertiesDataSet(r: PmcResponse) {
  const f = r.fields;
  return {
    currentUtcOffset: number(f.currentUtcOffset),
    currentUtcOffsetValid: bool(f.currentUtcOffsetValid),
    ptpTimescale: bool(f.ptpTimescale),
    timeTraceable: bool(f.timeTraceable),
    frequencyTraceable: bool(f.frequencyTraceable),
    timeSource: number(f.timeSource),
  };
}
