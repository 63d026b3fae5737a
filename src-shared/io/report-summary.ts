import type { ImportReport } from './report';

/** Lines kept per list of a summarised report. */
export const REPORT_MAX_LINES = 100;

const ROLE_LINE = /^role of ".*": ([a-z-]+) \(from (its name|its degree \d+|role ".*")\)$/s;

/**
 * A report a person can read and a project can store, whatever the size of
 * the network: the per-device role guesses (one line per device, 50,000
 * lines for a 50,000-node file) are kept as they are for small networks and
 * folded into one line per source and role beyond `maxLines`; any list still
 * longer keeps its first `maxLines - 1` lines and says how many more there
 * were.
 */
export function summariseReport(report: ImportReport, maxLines = REPORT_MAX_LINES): ImportReport {
  return {
    mapped: cap(report.mapped, maxLines),
    guessed: cap(report.guessed.length > maxLines ? foldRoleGuesses(report.guessed) : report.guessed, maxLines),
    dropped: cap(report.dropped, maxLines),
  };
}

function foldRoleGuesses(lines: readonly string[]): string[] {
  const other: string[] = [];
  const bySource = new Map<string, Map<string, number>>();
  for (const line of lines) {
    const m = ROLE_LINE.exec(line);
    if (m === null) {
      other.push(line);
      continue;
    }
    const source = m[2]!.startsWith('its degree') ? 'its degree' : m[2]!.startsWith('role ') ? 'the role attribute' : 'its name';
    const roles = bySource.get(source) ?? new Map<string, number>();
    roles.set(m[1]!, (roles.get(m[1]!) ?? 0) + 1);
    bySource.set(source, roles);
  }
  const folded = [...bySource].map(([source, roles]) => {
    const total = [...roles.values()].reduce((a, b) => a + b, 0);
    const parts = [...roles].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([r, n]) => `${n.toLocaleString('en-US')} ${r}`);
    return `role of ${total.toLocaleString('en-US')} devices from ${source}: ${parts.join(', ')}`;
  });
  return [...other, ...folded];
}

function cap(lines: readonly string[], max: number): string[] {
  if (lines.length <= max) return [...lines];
  const more = lines.length - (max - 1);
  return [...lines.slice(0, max - 1), `… and ${more.toLocaleString('en-US')} more`];
}
