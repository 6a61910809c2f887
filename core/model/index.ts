export * from './finding.js';
export * from './kubernetes.js';
export * from './linuxptp-config.js';
export * from './log-record.js';
export * from './node-ptp-device.js';
export * from './process-options.js';
export * from './ptp-config.js';
export * from './ptp-operator-config.js';
