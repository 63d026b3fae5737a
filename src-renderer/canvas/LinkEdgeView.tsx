import { BaseEdge, getStraightPath, type EdgeProps, type EdgeTypes } from '@xyflow/react';
import { memo } from 'react';
import type { CanvasState } from './canvasStore';
import { useCanvas } from './CanvasStoreProvider';
import { heatColor } from './heat';
import type { LinkEdge } from './types';

const HALF_NODE_H = 20; // .device height / 2

const FAILED = 1;
const REROUTED = 2;
const ADDED = 4;
const REMOVED = 8;
const CHANGED = 16;

/** A link's on/off states from the canvas store as one number: one subscription instead of four per link. */
const linkFlags = (s: CanvasState, id: string): number =>
  (s.failed.has(id) ? FAILED : 0) |
  (s.overlay?.rerouted.has(id) ? REROUTED : 0) |
  (s.diff?.added.has(id) ? ADDED : s.diff?.removed.has(id) ? REMOVED : s.diff?.changed?.has(id) ? CHANGED : 0);

/** One link, coloured by its what-if utilisation; reads only its own overlay values. */
export const LinkEdgeView = memo(function LinkEdgeView(props: EdgeProps<LinkEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, selected } = props;
  const flags = useCanvas((s) => linkFlags(s, id));
  const heat = useCanvas((s) => s.overlay?.heat.get(id));
  const failed = (flags & FAILED) !== 0;
  const rerouted = (flags & REROUTED) !== 0;
  const change = flags & ADDED ? 'added' : flags & REMOVED ? 'removed' : flags & CHANGED ? 'changed' : null;
  // Centre to centre (handles sit on the node's bottom/top edge, half a node
  // height away): the line then runs under the nodes and reads as a link
  // between devices whatever their relative position, with no per-edge subscription.
  const [path] = getStraightPath({ sourceX, sourceY: sourceY - HALF_NODE_H, targetX, targetY: targetY + HALF_NODE_H });
  const cls = `link${failed ? ' link--failed' : ''}${rerouted ? ' link--rerouted' : ''}${selected ? ' link--selected' : ''}${change ? ` link--${change}` : ''}`;
  // The theme's colours (styles.css): the dark theme's pale green and amber are under 2:1 on the light canvas.
  const stroke =
    change === 'added' ? 'var(--ok)' : change === 'removed' || failed ? 'var(--danger)' : change === 'changed' ? 'var(--warn)' : heat !== undefined ? heatColor(heat) : selected ? 'var(--accent)' : undefined;
  return (
    <BaseEdge
      id={id}
      path={path}
      className={cls}
      interactionWidth={14}
      style={{
        ...(stroke !== undefined ? { stroke } : {}),
        strokeWidth: selected || change !== null ? 3 : heat !== undefined ? 1.5 + Math.min(3, heat * 2) : 1.5,
        ...(failed || change === 'removed' ? { strokeDasharray: '6 4' } : {}),
      }}
    />
  );
});

export const edgeTypes = { link: LinkEdgeView } satisfies EdgeTypes; // module scope
