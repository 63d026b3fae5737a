import type { TopologySummary } from '../../src-shared/model/records';
import { CliError } from './command';

/**
 * The design a `--design` value names: its id, its name (case-insensitive),
 * or its family ("leaf-spine") when exactly one design of that family is in
 * the project. A name that fits several designs asks for the id, listing them.
 */
export function findDesign(file: string, all: readonly TopologySummary[], wanted: string): TopologySummary {
  const byId = all.filter((d) => d.id === wanted);
  if (byId.length === 1) return byId[0]!;
  const lower = wanted.toLowerCase();
  let hits = all.filter((d) => d.name.toLowerCase() === lower);
  if (hits.length === 0) hits = all.filter((d) => d.family !== null && d.family === lower);
  if (hits.length === 1) return hits[0]!;
  if (hits.length === 0) throw new CliError(`no design "${wanted}" in ${file} (give an id, a name or a family)`);
  const listed = hits.slice(0, 5).map((d) => `${d.id} "${d.name}"`).join(', ');
  throw new CliError(`"${wanted}" names ${hits.length} designs (${listed}${hits.length > 5 ? ', …' : ''}); give its id`);
}
