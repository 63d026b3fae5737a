import { BaseEdge, getStraightPath, type EdgeProps, type EdgeTypes } from '@xyflow/react';
import { memo } from 'react';
import { useCanvas } from './CanvasStoreProvider';
import { heatColor } from './heat';
import type { LinkEdge } from './types';

const HALF_NODE_H = 20; // .device height / 2

/** One link, coloured by its what-if utilisation; reads only its own overlay values. */
export const LinkEdgeView = memo(function LinkEdgeView(props: EdgeProps<LinkEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, selected } = props;
  const failed = useCanvas((s) => s.failed.has(id));
  const heat = useCanvas((s) => s.overlay?.heat.get(id));
  const rerouted = useCanvas((s) => s.overlay?.rerouted.has(id) ?? false);
  const change = useCanvas((s) => (s.diff?.added.has(id) ? 'added' : s.diff?.removed.has(id) ? 'removed' : s.diff?.changed?.has(id) ? 'changed' : null));
  // Centre to centre (handles sit on the node's bottom/top edge, half a node
  // height away): the line then runs under the nodes and reads as a link
  // between devices whatever their relative position, with no per-edge subscription.
  const [path] = getStraightPath({ sourceX, sourceY: sourceY - HALF_NODE_H, targetX, targetY: targetY + HALF_NODE_H });
  const cls = `link${failed ? ' link--failed' : ''}${rerouted ? ' link--rerouted' : ''}${selected ? ' link--selected' : ''}${change ? ` link--${change}` : ''}`;
  const stroke =
    change === 'added' ? '#4ade80' : change === 'removed' || failed ? '#f87171' : change === 'changed' ? '#fbbf24' : heat !== undefined ? heatColor(heat) : selected ? '#38bdf8' : undefined;
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
