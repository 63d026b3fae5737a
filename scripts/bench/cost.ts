/**
 * `npm run bench:cost`: what a finance officer reads per example, scenario and
 * family: capex, monthly recurring, TCO over the term (5 years unless the
 * intent says otherwise), devices by role and circuits by transport, as
 * generate prices them with the shipped price book. Families the generator
 * cannot build are listed with the reason.
 * Inputs: resources/examples and scripts/bench/scenarios (no ../shared data).
 * BENCH_ONLY=<regex> limits the inputs; BENCH_JSON=1 prints JSON lines.
 * The script reads the cost document by its fields, so the same file also
 * runs on a tree from before the TCO model (capex-equivalent total only).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateAll } from '../../src-shared/generate/generate';
import { IntentSchema } from '../../src-shared/model/intent';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const only = process.env['BENCH_ONLY'] ? new RegExp(process.env['BENCH_ONLY']) : null;
const json = process.env['BENCH_JSON'] === '1';

const usd = (x: number | undefined): string => (x === undefined ? '—' : `$${Math.round(x).toLocaleString('en-US')}`);

interface AnyCost {
  totalUsd: number;
  capexUsd?: number;
  mrcUsd?: number;
  tcoUsd?: number;
  termYears?: number;
}

const files = [
  ...fs.readdirSync(path.join(repo, 'resources/examples')).map((f) => path.join(repo, 'resources/examples', f)),
  ...fs.readdirSync(path.join(here, 'scenarios')).map((f) => path.join(here, 'scenarios', f)),
].filter((f) => f.endsWith('.intent.json') && (only === null || only.test(f)));

if (!json) {
  console.log('input | family | capex | monthly recurring | TCO (term) | devices by role | circuits by transport');
  console.log('--- | --- | --- | --- | --- | --- | ---');
}
for (const file of files) {
  const name = path.basename(file, '.intent.json');
  const intent = IntentSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  const t0 = performance.now();
  const { designs, skipped } = generateAll(intent, 1);
  const ms = performance.now() - t0;
  for (const d of designs) {
    const c = d.cost as unknown as AnyCost;
    const roles = new Map<string, number>();
    for (const n of d.topology.nodes) roles.set(n.role, (roles.get(n.role) ?? 0) + 1);
    const transports = new Map<string, number>();
    for (const l of d.topology.links) {
      const t = (l as { transport?: string }).transport ?? 'untyped';
      transports.set(t, (transports.get(t) ?? 0) + 1);
    }
    const byRole = [...roles].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${n} ${r}`).join(', ');
    const byTransport = [...transports].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${n} ${r}`).join(', ');
    if (json) {
      console.log(JSON.stringify({ input: name, family: d.family, capexUsd: c.capexUsd ?? null, mrcUsd: c.mrcUsd ?? null, tcoUsd: c.tcoUsd ?? null, totalUsd: c.totalUsd, termYears: c.termYears ?? null, roles: Object.fromEntries(roles), transports: Object.fromEntries(transports) }));
      continue;
    }
    const tco = c.tcoUsd !== undefined ? `${usd(c.tcoUsd)} (${c.termYears} y)` : `${usd(c.totalUsd)} (old capex-equivalent total)`;
    console.log([name, d.family, usd(c.capexUsd), c.mrcUsd === undefined ? '—' : `${usd(c.mrcUsd)}/mo`, tco, byRole, byTransport].join(' | '));
  }
  for (const s of skipped) {
    if (json) console.log(JSON.stringify({ input: name, family: s.family, notApplicable: s.reason }));
    else console.log([name, s.family, 'not applicable', '', '', s.reason, ''].join(' | '));
  }
  if (!json) console.error(`${name}: ${designs.length} designs in ${(ms / 1000).toFixed(1)} s`);
}
