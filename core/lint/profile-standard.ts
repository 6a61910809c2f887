/** The built-in config pack for a profile, from what it configures (ITU-T G.8275.1/.2, else IEEE 1588). */
export function standardPackFor(profile: {
  global: Record<string, unknown>;
  ptp4lOpts: { transport: string | null };
}): string {
  const comparison = String(profile.global.dataset_comparison ?? '').toLowerCase();
  const transport = profile.ptp4lOpts.transport ?? String(profile.global.network_transport ?? 'UDPv4');
  if (comparison === 'g.8275.x') return transport === 'L2' ? 'itu-t-g8275.1' : 'itu-t-g8275.2';
  return 'ieee1588-default';
}
