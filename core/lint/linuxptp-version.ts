/** The linuxptp release configs are checked against by default: OpenShift 4.x ships 4.4 (4.4-1.el9). */
export const DEFAULT_LINUXPTP_VERSION = '4.4';
