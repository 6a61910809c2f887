/**
 * The ITU-T G.8275.1 clockClass table (Calnex "ITU-T G.8275.1 One-Page Summary", clock class
 * assignment; StarlingX PTP notification states agree), as the `ptp://clock-classes` resource shows it.
 * What linuxptp-daemon announces: 6/7/140/248 for a T-GM (pkg/event/event.go updateGMState; 140 is its
 * protocol.ClockClassOutOfSpec, only when frequency traceable), 135/165/248 for a T-BC out of LOCKED
 * (event_tbc.go updateBCState, release-4.20 and main). The class it *reports* for an ordinary clock is its
 * grandmaster's (daemon.go updateClockClass: PARENT_DATA_SET gm.ClockClass, release-4.14 .. 4.18; pmc.go
 * handleParentDS in main), not 255.
 */
export const CLOCK_CLASSES = [
  {
    clockClass: 6,
    role: 'T-GM',
    meaning: 'T-GM locked to a PRTC (e.g. traceable to GNSS)',
    timeTraceable: true,
  },
  {
    clockClass: 7,
    role: 'T-GM',
    meaning: 'T-GM in holdover, within holdover specification',
    timeTraceable: true,
  },
  {
    clockClass: 135,
    role: 'T-BC',
    meaning: 'T-BC in holdover, within holdover specification',
    timeTraceable: true,
  },
  {
    clockClass: 140,
    role: 'T-GM',
    meaning: 'T-GM in holdover, out of specification, frequency traceable to PRC/PRS (category 1)',
    timeTraceable: false,
  },
  {
    clockClass: 150,
    role: 'T-GM',
    meaning: 'T-GM in holdover, out of specification, SSU-A/Stratum 2 frequency (category 2)',
    timeTraceable: false,
  },
  {
    clockClass: 160,
    role: 'T-GM',
    meaning: 'T-GM in holdover, out of specification, SSU-B/Stratum 3E frequency (category 3)',
    timeTraceable: false,
  },
  {
    clockClass: 165,
    role: 'T-BC',
    meaning: 'T-BC in holdover, out of holdover specification',
    timeTraceable: false,
  },
  {
    clockClass: 248,
    role: 'T-GM/T-BC',
    meaning: 'Without time reference since start-up (free-run); the default',
    timeTraceable: false,
  },
  {
    clockClass: 255,
    role: 'T-TSC',
    meaning:
      "Slave-only ordinary clock's own class (ptp4l forces 255; it sends no Announce). linuxptp-daemon reports a T-TSC's grandmaster class instead, except its T-BC state machine on a T-TSC (event_tbc.go: 255)",
    timeTraceable: false,
  },
] as const;
