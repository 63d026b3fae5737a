import { BaseEdge, getStraightPath, type EdgeProps, type EdgeTypes } from '@xyflow/react';
import { memo } from 'react';
import { useCanvas } from './CanvasStoreProvider';
import { heatColor } from './heat';
import type { LinkEdge } from './types';

/** One link, coloured by its what-if utilisation; reads only its own overlay values. */
export const LinkEdgeView = memo(function LinkEdgeView(props: EdgeProps<LinkEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, selected } = props;
  const failed = useCanvas((s) => s.failed.has(id));
  const heat = useCanvas((s) => s.overlay?.heat.get(id));
  const rerouted = useCanvas((s) => s.overlay?.rerouted.has(id) ?? false);
  const [path] = getStraightPath({ sourceX, sourceY, targetX, targetY });
  const cls = `link${failed ? ' link--failed' : ''}${rerouted ? ' link--rerouted' : ''}${selected ? ' link--selected' : ''}`;
  const stroke = failed ? '#f87171' : heat !== undefined ? heatColor(heat) : selected ? '#38bdf8' : undefined;
  return (
    <BaseEdge
      id={id}
      path={path}
      className={cls}
      interactionWidth={14}
      style={{
        ...(stroke !== undefined ? { stroke } : {}),
        strokeWidth: selected ? 3 : heat !== undefined ? 1.5 + Math.min(3, heat * 2) : 1.5,
        ...(failed ? { strokeDasharray: '6 4' } : {}),
      }}
    />
  );
});

export const edgeTypes = { link: LinkEdgeView } satisfies EdgeTypes; // module scope
