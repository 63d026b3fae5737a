import { DEVICE_ROLES, type Topology } from '../../../src-shared/model/topology';
import { pickLabels } from './labels';

/** The device box drawn by DeviceNodeView (styles.css `.device`). */
export const DEVICE_W = 150;
export const DEVICE_H = 40;

/**
 * Device names inside boxes that other devices cover (a force layout or a
 * hand drag can stack them): the more important device keeps its name —
 * core before access, then the better connected — and the covered ones
 * show only their role glyph (the name stays in the tooltip). Positions
 * are in flow units and boxes scale with the zoom, so the answer does not
 * depend on the zoom. O(n + m).
 */
export function hiddenDeviceLabels(t: Topology): Set<string> {
  const degree = new Map<string, number>();
  for (const l of t.links) {
    degree.set(l.source, (degree.get(l.source) ?? 0) + 1);
    degree.set(l.target, (degree.get(l.target) ?? 0) + 1);
  }
  const rank = new Map<string, number>(DEVICE_ROLES.map((r, i) => [r, DEVICE_ROLES.length - i]));
  const boxes = t.nodes.map((n) => ({
    id: n.id,
    x: n.x ?? 0,
    y: n.y ?? 0,
    width: DEVICE_W,
    height: DEVICE_H,
    priority: rank.get(n.role)! * 1e6 + (degree.get(n.id) ?? 0),
  }));
  const shown = pickLabels(boxes);
  return new Set(t.nodes.filter((n) => !shown.has(n.id)).map((n) => n.id));
}
