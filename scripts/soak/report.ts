import { MEMORY_RULE } from './memory';
import { FD_SLACK, type SoakReport } from './run';

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
const ms = (x: number): string => (x < 10 ? x.toFixed(1) : Math.round(x).toString());
const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number): string => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

/** The figures of a soak run as plain text, ending with one PASS or FAIL line. */
export function formatReport(r: SoakReport): string {
  const out: string[] = [];
  const s = r.stats;
  out.push(`NetTwin soak: ${r.clients} clients (${r.sharedProjects} shared projects, half the clients in them) for ${r.seconds} s`);
  out.push(`host listens on ${r.listening.join(', ')}; machine: ${r.machine.cores} cores, load average ${r.machine.loadBefore.toFixed(2)} before, ${r.machine.loadAfter.toFixed(2)} after (shared machines make latencies noisy)`);
  out.push(`calls: ${s.totalCalls} (${(s.totalCalls / r.seconds).toFixed(1)}/s), answers by code: ${[...s.codes.entries()].sort().map(([c, n]) => `${c} ${n}`).join(', ')}`);
  out.push('');
  out.push(`${pad('channel', 22)}${lpad('calls', 7)}${lpad('ok', 7)}${lpad('p50 ms', 9)}${lpad('p95 ms', 9)}${lpad('max ms', 9)}  not ok`);
  const row = (name: string, v: { calls: number; ok: number; p50: number; p95: number; max: number; errors: string }): string =>
    `${pad(name, 22)}${lpad(String(v.calls), 7)}${lpad(String(v.ok), 7)}${lpad(ms(v.p50), 9)}${lpad(ms(v.p95), 9)}${lpad(ms(v.max), 9)}  ${v.errors}`;
  for (const [ch, v] of s.latency(s.byChannel)) out.push(row(ch, v));
  for (const [kind, v] of s.latency(s.jobs)) out.push(row(`job ${kind}`, v));
  out.push('');
  out.push(`sweeps: ${s.simsCompleted} completed, ${s.simsCancelled} cancelled, ${s.progressEvents} progress events followed over SSE`);
  out.push(`second process: ${r.lock.attempts} write attempts, ${r.lock.locked} refused LOCKED, ${r.lock.admitted} let in; ${r.lock.readOnlyReads} read-only reads while the host wrote`);
  const c = r.verify.checked;
  out.push(`acknowledged writes checked: ${c.designs} designs (${c.revisions} revisions), ${c.positions} node positions, ${c.capacities} link capacities, ${c.names} names, ${c.sims} simulations, ${c.copies} copies (Save As / Export)`);
  const bad = r.verify.files.filter((f) => f.integrity !== 'ok' || f.foreignKeyViolations > 0);
  out.push(`integrity: ${r.verify.files.length} files, integrity_check ok in ${r.verify.files.filter((f) => f.integrity === 'ok').length}, foreign_key_check empty in ${r.verify.files.filter((f) => f.foreignKeyViolations === 0).length}${bad.length > 0 ? ` — bad: ${bad.map((f) => f.file).join(', ')}` : ''}`);
  const m = r.memory;
  out.push(`host RSS: baseline ${mb(m.baseline.rss)} MB after the warm-up (cold: ${mb(m.cold.rss)} MB after one of each step), peak ${mb(m.peak)} MB sampled (VmHWM ${mb(m.final.hwm)} MB), final ${mb(m.final.rss)} MB after closing every project and idling — ${m.rssReturned ? 'returned' : 'NOT returned'}`);
  out.push(`host RSS during the load, each tenth: ${m.timeline.map(mb).join(' → ')} MB`);
  out.push(`host live JS heap after a full GC: cold ${mb(m.cold.heap.heapUsed)}, baseline ${mb(m.baseline.heap.heapUsed)}, final ${mb(m.final.heap.heapUsed)} MB — ${m.heapReturned ? 'returned' : 'NOT returned'}; external ${mb(m.baseline.heap.external)} → ${mb(m.final.heap.external)} MB`);
  out.push(`memory rule: ${MEMORY_RULE}`);
  out.push(`host file descriptors: ${r.fds.before} before load, ${r.fds.after} after (allowed +${FD_SLACK})${r.fds.grown.length > 0 ? `; more of: ${r.fds.grown.join(', ')}` : ''}`);
  out.push(`host stop: exit code ${r.stop.code} in ${r.stop.ms} ms`);
  if (r.hostStderr.trim() !== '') out.push(`host stderr (first lines):\n  ${r.hostStderr.trim().split('\n').slice(0, 10).join('\n  ')}`);
  if (s.unexpected.length > 0) out.push(`unexpected errors (first ${s.unexpected.length} of ${s.unexpectedCount}):\n  ${s.unexpected.join('\n  ')}`);
  out.push('');
  out.push(r.pass ? 'PASS' : `FAIL\n  ${r.failures.join('\n  ')}`);
  return out.join('\n');
}
