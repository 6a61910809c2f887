import { formatDuration } from '../../../core/duration.js';
import type { DiagnosisReport } from '../../../core/reports/diagnosis-report.js';
import { healthSummary, readTime } from '../../../core/reports/health-summary.js';
import { formatNumber, renderTable } from './table.js';
import { warningLines } from './warning-groups.js';

type NodeReport = DiagnosisReport['nodes'][number];

/** The human form of `diagnose`: one line per node, then per node its processes, ports, episodes and faults. */
export function renderDiagnosis(report: DiagnosisReport, options: { details: boolean }): string {
  const { meta } = report;
  const out: string[] = [];
  out.push(
    `PTP diagnosis of ${meta.name} (${meta.origin}), cluster ${meta.cluster}, ${report.nodes.length} node(s)`,
  );
  if (meta.description) out.push(meta.description);
  out.push(`data: ${meta.dataRange.first ?? '-'} .. ${meta.dataRange.last ?? '-'} (${readTime(report)})`);
  out.push(`health: ${healthSummary(report)}`);
  if (meta.partial) out.push(...renderPartial(meta.partial.reasons));
  if (report.window.from || report.window.to)
    out.push(`window: ${report.window.from ?? '-'} .. ${report.window.to ?? '-'}`);
  out.push('');
  out.push(
    renderTable(
      [
        'NODE',
        'HEALTH',
        'ROLE',
        'SYNC',
        'GRANDMASTER',
        'CLASS',
        '|OFFSET| ns last min',
        'HOLDOVER',
        'SYNC LOSS',
        'FAULTS',
      ],
      report.nodes.map((node) => [
        node.node,
        report.health.nodes[node.node] ?? 'UNKNOWN',
        node.role,
        node.hasData ? node.syncState : 'NO DATA',
        node.grandmaster ? `${node.grandmaster.identity}${node.grandmaster.local ? ' (self)' : ''}` : '-',
        node.clockClass.current ?? '-',
        recentOffset(node),
        holdoverSummary(node),
        node.episodes.syncLoss.length,
        node.faults.length + node.faultsOmitted,
      ]),
    ),
  );
  out.push('', ...renderHierarchy(report));
  out.push('', ...renderFindings(report));
  if (options.details) for (const node of report.nodes) out.push('', ...renderNode(node));
  if (report.warnings.length > 0) {
    out.push('', `warnings (${report.warnings.length}):`);
    const nodes = report.nodes.map((node) => node.node);
    for (const line of warningLines(report.warnings, nodes)) out.push(`  ${line}`);
  }
  return `${out.join('\n')}\n`;
}

function renderNode(node: NodeReport): string[] {
  const out = [`== ${node.node} (${node.role})`];
  const profiles = node.profiles.map((p) => `${p.name} [${p.type}: ${p.ports.join(', ') || 'no port'}]`);
  out.push(`profiles: ${profiles.join('; ') || 'none'}`);
  if (node.recommendation.missing.length > 0) {
    out.push(`  recommended but defined nowhere: ${node.recommendation.missing.join(', ')}`);
  }
  // Instances that only carry daemon bookkeeping (a clock class line under ptp4l's name) are left to --format json.
  const shown = node.processes.filter(
    (p) => p.offset.count > 0 || p.rms || p.ifaceStates.length > 0 || p.up === false,
  );
  if (shown.length > 0) {
    out.push(
      renderTable(
        ['  PROCESS', 'CONFIG', 'STATE', 'SERVO', 'OFFSET ns mean/stddev', 'P99|x|', 'MAX|x|', 'LAST SEEN'],
        shown.map((p) => [
          `  ${p.name}`,
          p.configTag ?? '-',
          p.ifaceStates.length > 0 ? p.ifaceStates.map((s) => `${s.iface}:${s.state}`).join(' ') : p.state,
          p.servo ?? '-',
          p.offset.count > 0 ? `${formatNumber(p.offset.mean, 1)}/${formatNumber(p.offset.stddev, 1)}` : '-',
          formatNumber(p.offset.p99Abs),
          p.offset.count > 0
            ? formatNumber(Math.max(Math.abs(p.offset.min ?? 0), Math.abs(p.offset.max ?? 0)))
            : '-',
          p.lastSeen ?? '-',
        ]),
      ),
    );
  }
  for (const port of node.ports) {
    out.push(
      `  port ${port.port ?? '?'} ${port.iface ?? ''} (${port.configTag ?? '-'}): ${port.state} since ${port.since ?? '-'}, ${port.transitions} transition(s)`,
    );
  }
  for (const episode of node.episodes.holdover) {
    out.push(
      `  holdover (${episode.source} ${episode.iface ?? ''}) from ${episode.start ?? '-'}: ${formatDuration(episode.durationMs)}, ${episode.outcome}`,
    );
  }
  for (const episode of node.episodes.syncLoss) {
    out.push(
      `  sync loss ${episode.process} ${episode.configTag ?? ''} ${episode.iface ?? ''} from ${episode.start ?? '-'}: ${formatDuration(episode.durationMs)}${episode.ongoing ? ' (ongoing)' : ''}, ${episode.cause}`,
    );
  }
  for (const change of node.clockClass.changes.slice(-5)) {
    out.push(`  clock class ${change.previous ?? '-'} -> ${change.clockClass} at ${change.time ?? '-'}`);
  }
  for (const fault of node.faults.slice(-8)) {
    out.push(`  fault ${fault.time ?? '-'} ${fault.process} ${fault.kind}: ${fault.detail}`);
  }
  return out;
}

/** The tree of who takes time from whom: grandmasters at the roots. */
function renderHierarchy(report: DiagnosisReport): string[] {
  const { hierarchy } = report;
  const byNode = new Map(hierarchy.links.map((link) => [link.node, link]));
  const out = ['clock hierarchy:'];
  const describe = (link: DiagnosisReport['hierarchy']['links'][number]) => {
    const parts = [link.node, link.role];
    if (link.ownGrandmaster && link.role === 'T-TSC') parts.push('no upstream: not synchronized');
    else if (link.actingGrandmaster)
      parts.push(
        `acting grandmaster${link.grandmasterIdentity ? ` ${link.grandmasterIdentity}` : ''} of its followers (holdover/free-run, stepsRemoved 0)`,
      );
    else if (link.ownGrandmaster && link.grandmasterNode === link.node)
      parts.push(`grandmaster ${link.grandmasterIdentity ?? '?'}`);
    else if (link.ownGrandmaster)
      parts.push(`no upstream; still announces grandmaster ${link.grandmasterIdentity ?? '?'}`);
    else if (link.stepsRemoved !== null) parts.push(`stepsRemoved ${link.stepsRemoved}`);
    if (link.gmClockClass !== null) parts.push(`GM class ${link.gmClockClass}`);
    if (!link.ownGrandmaster && link.parentNode === null && link.parentPortIdentity) {
      parts.push(`upstream ${link.parentPortIdentity} (outside this snapshot)`);
    }
    if (link.source === 'logs') parts.push('(from logs)');
    if (link.source === 'none') parts.push('(no pmc answers nor log evidence)');
    return parts.join('  ');
  };
  const walk = (node: string, prefix: string, last: boolean, depth: number, seen: Set<string>) => {
    const link = byNode.get(node);
    if (!link || seen.has(node)) return;
    seen.add(node);
    out.push(depth === 0 ? `  ${describe(link)}` : `  ${prefix}${last ? '└─ ' : '├─ '}${describe(link)}`);
    const children = hierarchy.links.filter((l) => l.parentNode === node && l.node !== node);
    const childPrefix = depth === 0 ? '' : `${prefix}${last ? '   ' : '│  '}`;
    for (const [index, child] of children.entries()) {
      walk(child.node, childPrefix, index === children.length - 1, depth + 1, seen);
    }
  };
  const seen = new Set<string>();
  for (const root of hierarchy.roots) walk(root, '', true, 0, seen);
  return out;
}

/**
 * The node's current offset quality: the last minute of its ptp4l follower (p99 of per-update offsets,
 * or the largest summary max), else of phc2sys, else of ts2phc.
 */
function recentOffset(node: NodeReport): string {
  for (const name of ['ptp4l', 'phc2sys', 'ts2phc']) {
    const process = node.processes.find((p) => p.name === name && p.recent);
    const recent = process?.recent;
    if (!recent) continue;
    return recent.from === 'offsets'
      ? `p99 ${formatNumber(recent.p99Abs)} (${name})`
      : `max ${formatNumber(recent.maxAbs)} (${name})`;
  }
  return '-';
}

function holdoverSummary(node: NodeReport): string {
  const last = node.episodes.holdover.at(-1);
  if (!last) return '-';
  return `${formatDuration(last.durationMs)} ${last.outcome}`;
}

/** The judgments of the rule packs, worst first, each with the subject it concerns. */
function renderFindings(report: DiagnosisReport): string[] {
  const packs = report.packs.map((p) => `${p.name}@${p.version}`).join(', ');
  if (report.findings.length === 0) return [`findings: none (packs ${packs})`];
  const out = [`findings (${report.findings.length}, cluster ${report.health.cluster}; packs ${packs}):`];
  for (const finding of report.findings) {
    const subject = [
      finding.subject.node,
      finding.subject.process,
      finding.subject.iface ?? finding.subject.profile,
    ]
      .filter(Boolean)
      .join(' ');
    out.push(
      `  ${finding.severity.toUpperCase().padEnd(8)} ${finding.rule} ${subject ? `[${subject}] ` : ''}${finding.message}`,
    );
    for (const evidence of finding.evidence.slice(0, 3)) {
      out.push(`           ${evidence.time ? `${evidence.time} ` : ''}${evidence.description}`);
    }
  }
  if (report.suppressed.length > 0) out.push(`  (${report.suppressed.length} suppressed)`);
  return out;
}

/** Data known to be incomplete (read with --partial) is said at the top, with what is missing. */
function renderPartial(reasons: readonly string[]): string[] {
  const shown = reasons.slice(0, 5).map((reason) => `  ${reason}`);
  if (reasons.length > shown.length) shown.push(`  … and ${reasons.length - shown.length} more`);
  return [`PARTIAL DATA: the snapshot is incomplete; findings may be wrong or missing. Missing:`, ...shown];
}
