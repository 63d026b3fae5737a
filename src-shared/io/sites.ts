import { SiteRoleSchema, type Site } from '../model/topology';
import type { ImportReport } from './report';
import { guessSiteRole } from './roles';

/** A site as a foreign format describes it: any field may be missing. */
export interface SiteDraft {
  id: string;
  name?: string | undefined;
  role?: string | undefined;
  region?: string | undefined;
  lat?: number | undefined;
  lon?: number | undefined;
  users?: number | undefined;
  bandwidthMbps?: number | undefined;
}

/** Region given to sites whose source names none. */
export const UNKNOWN_REGION = 'default';

/**
 * Completes site drafts into model sites. A site role not in NetTwin's
 * vocabulary is read from the role text or the site name, else `campus`;
 * a missing region becomes `default`. Every such fill-in is reported.
 */
export function buildSites(drafts: Iterable<SiteDraft>, report: ImportReport): Site[] {
  const out: Site[] = [];
  for (const d of drafts) {
    const name = d.name ?? d.id;
    const exact = d.role === undefined ? undefined : SiteRoleSchema.safeParse(d.role.trim().toLowerCase());
    let role = exact?.success ? exact.data : undefined;
    if (role === undefined) {
      role = guessSiteRole(d.role ?? '') ?? guessSiteRole(name) ?? 'campus';
      report.guessed.push(`site role of "${name}": ${role}${d.role ? ` (from "${d.role}")` : ''}`);
    }
    const region = d.region?.trim() ? d.region.trim().slice(0, 100) : UNKNOWN_REGION;
    if (region === UNKNOWN_REGION && d.region === undefined) {
      report.guessed.push(`region of site "${name}": ${UNKNOWN_REGION} (none given)`);
    }
    const site: Site = { id: d.id, name: name.slice(0, 200), role, region };
    if (d.lat !== undefined) site.lat = d.lat;
    if (d.lon !== undefined) site.lon = d.lon;
    if (d.users !== undefined) site.users = d.users;
    if (d.bandwidthMbps !== undefined) site.bandwidthMbps = d.bandwidthMbps;
    out.push(site);
  }
  return out;
}
