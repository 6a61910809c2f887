import { z } from 'zod';
import { ObjectMeta } from './kubernetes.js';

/** NodePtpDevice status.devices[].hardwareInfo (newer operators; older ones report names only). */
export const PtpDeviceHardwareInfo = z.looseObject({
  pciAddress: z.string().optional(),
  vendorID: z.string().optional(),
  deviceID: z.string().optional(),
  subsystemVendorID: z.string().optional(),
  subsystemDeviceID: z.string().optional(),
  firmwareVersion: z.string().optional(),
  driverVersion: z.string().optional(),
  linkStatus: z.string().optional(),
  linkSpeed: z.string().optional(),
  fec: z.string().optional(),
  vpdIdentifierString: z.string().optional(),
  vpdPartNumber: z.string().optional(),
  vpdSerialNumber: z.string().optional(),
  vpdManufacturerID: z.string().optional(),
  vpdProductName: z.string().optional(),
  vpdVendorSpecific1: z.string().optional(),
  vpdVendorSpecific2: z.string().optional(),
});

export const PtpDevice = z.looseObject({
  name: z.string(),
  profile: z.string().optional(),
  hardwareInfo: PtpDeviceHardwareInfo.optional(),
});
export type PtpDevice = z.infer<typeof PtpDevice>;

export const NodePtpDevice = z.looseObject({
  apiVersion: z.string().optional(),
  kind: z.literal('NodePtpDevice'),
  metadata: ObjectMeta,
  spec: z.unknown().optional(),
  status: z
    .looseObject({
      devices: z.array(PtpDevice).optional(),
      hwconfig: z
        .array(
          z.looseObject({
            deviceID: z.string().optional(),
            vendorID: z.string().optional(),
            failed: z.boolean().optional(),
            status: z.string().optional(),
            config: z.unknown().optional(),
          }),
        )
        .optional(),
      systemInfo: z.record(z.string(), z.string()).optional(),
      baseBoardInfo: z.record(z.string(), z.string()).optional(),
    })
    .optional(),
});
export type NodePtpDevice = z.infer<typeof NodePtpDevice>;
