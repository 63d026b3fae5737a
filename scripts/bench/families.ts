/**
 * `npm run bench:families`: per example and scenario, per family — applicable
 * or why not, devices by role, link count, inter-region/WAN circuits, cost
 * (the product's cost function, the default price book) and the redundancy
 * class the validator gives — as the generators build them now.
 * Inputs: the three examples (resources/examples) and the scenarios in
 * scripts/bench/scenarios (bank, cloud, SD-WAN, metro campus, one 10 Tbit/s
 * data centre). Uses only generateAll's stable shape, so the same script runs
 * against an older checkout for a before/after table:
 *   BENCH_JSON=1 prints one JSON line per (intent, family);
 *   BENCH_ONLY=<regex> limits the intents.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateAll } from '../../src-shared/generate/generate';
import { IntentSchema } from '../../src-shared/model/intent';
import { TOPOLOGY_FAMILIES } from '../../src-shared/model/topology';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const only = process.env['BENCH_ONLY'] ? new RegExp(process.env['BENCH_ONLY']) : null;
const asJson = process.env['BENCH_JSON'] === '1';

const files = [
  ...fs.readdirSync(path.join(repo, 'resources/examples')).filter((f) => f.endsWith('.intent.json')).map((f) => path.join(repo, 'resources/examples', f)),
  ...fs.readdirSync(path.join(here, 'scenarios')).filter((f) => f.endsWith('.intent.json')).map((f) => path.join(here, 'scenarios', f)),
].filter((f) => only === null || only.test(f));

const money = (usd: number): string => (usd >= 1e6 ? `$${(usd / 1e6).toFixed(2)}M` : `$${Math.round(usd / 1000)}k`);

for (const file of files) {
  const intent = IntentSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  const started = performance.now();
  const { designs, skipped } = generateAll(intent, 1);
  const ms = performance.now() - started;
  if (!asJson) console.log(`\n${intent.name} (${path.basename(file)}), ${intent.redundancy}, generated in ${ms.toFixed(0)} ms`);
  for (const family of TOPOLOGY_FAMILIES) {
    const d = designs.find((x) => x.family === family);
    const s = skipped.find((x) => x.family === family);
    if (!d) {
      const row = { intent: path.basename(file), family, applicable: false, reason: s?.reason ?? 'not generated' };
      if (asJson) console.log(JSON.stringify(row));
      else console.log(`  ${family.padEnd(13)} ${row.reason}`);
      continue;
    }
    const t = d.topology;
    const roles: Record<string, number> = {};
    for (const n of t.nodes) roles[n.role] = (roles[n.role] ?? 0) + 1;
    const siteOf = new Map(t.nodes.map((n) => [n.id, n.site]));
    const regionOf = new Map(t.sites.map((x) => [x.id, x.region]));
    const interRegion = t.links.filter((l) => regionOf.get(siteOf.get(l.source)!) !== regionOf.get(siteOf.get(l.target)!));
    const row = {
      intent: path.basename(file),
      family,
      applicable: true,
      roles,
      links: t.links.length,
      interRegionLinks: interRegion.length,
      interRegionGbps: interRegion.reduce((a, l) => a + l.capacityGbps, 0),
      costUsd: Math.round(d.cost.totalUsd),
      achieved: d.validation.redundancyAchieved,
      passed: d.validation.passed,
    };
    if (asJson) console.log(JSON.stringify(row));
    else {
      const r = Object.entries(roles).map(([k, v]) => `${v} ${k}`).join(', ');
      console.log(
        `  ${family.padEnd(13)} ${money(row.costUsd).padStart(9)}  ${String(row.links).padStart(5)} links (${row.interRegionLinks} inter-region, ${row.interRegionGbps} G)  ${String(row.achieved).padEnd(8)} ${row.passed ? 'passes' : 'fails '}  ${r}`,
      );
    }
  }
}
