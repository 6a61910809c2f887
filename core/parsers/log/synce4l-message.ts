import type { LogRecord } from '../../model/log-record.js';
import { notice, type RecordBase } from './record-base.js';

// The raw synce4l lines linuxptp-daemon parses (pkg/synce/synce.go).
const EEC_ON_DEVICE = /^(EEC_[A-Z_/]+) on (?:GNSS of )?(\S+)$/;
const EEC_FOR_IFACE = /^(?:act on )?(EEC_[A-Z_/]+) for (\S+)$/;
const QL_TLV = /^tx_rebuild_tlv: attached new (?:extended )?TLV, (?:EXT_)?QL=0x[\da-fA-F]+ on (\S+)$/;

export function parseSynce4lMessage(message: string, base: RecordBase): LogRecord | undefined {
  const onDevice = EEC_ON_DEVICE.exec(message);
  if (onDevice) return { kind: 'eecState', state: onDevice[1]!, device: onDevice[2]!, ...base };
  const forIface = EEC_FOR_IFACE.exec(message);
  if (forIface) return { kind: 'eecState', state: forIface[1]!, iface: forIface[2]!, ...base };
  const tlv = QL_TLV.exec(message);
  if (tlv) return notice(base, 'qualityLevelSent', message, undefined, tlv[1]);
  return undefined;
}
