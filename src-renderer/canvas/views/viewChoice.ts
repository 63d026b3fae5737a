import type { Topology } from '../../../src-shared/model/topology';
import type { DesignViewMode } from './overviewFlow';

/** Above this many devices a design opens at the site level; its devices are drawn on demand. */
export const SITE_VIEW_ABOVE = 250;

/** The view a design opens in: the site view when it is big and has sites to group by, else every device. */
export function defaultView(t: Topology): DesignViewMode {
  if (t.nodes.length <= SITE_VIEW_ABOVE) return 'devices';
  const sites = new Set<string>();
  for (const n of t.nodes) sites.add(n.site ?? `dev:${n.id}`);
  return sites.size > 1 && sites.size < t.nodes.length ? 'sites' : 'devices';
}
