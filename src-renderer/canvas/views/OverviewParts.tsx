import { BaseEdge, Handle, Position, getStraightPath, type EdgeProps, type EdgeTypes, type NodeProps, type NodeTypes } from '@xyflow/react';
import { createContext, memo, useContext } from 'react';
import { useStore, type StoreApi } from 'zustand';
import { DeviceNodeView } from '../DeviceNodeView';
import { LinkEdgeView } from '../LinkEdgeView';
import { basemapPaths, MAP_H, MAP_W } from './geo';
import type { PairEdge, RegionNode, SiteNode } from './overviewFlow';

/** Which labels the collision picker keeps at the current zoom (one store per overview). */
export interface LabelState {
  shown: ReadonlySet<string>;
}
export const LabelContext = createContext<StoreApi<LabelState> | null>(null);
const useShown = (id: string): boolean => {
  const store = useContext(LabelContext);
  if (store === null) throw new Error('overview labels used outside their provider');
  return useStore(store, (s) => s.shown.has(id));
};

/** The flow size of a geographic marker's node: tiny but not zero (React Flow leaves zero-size nodes out of "fit"). */
const GEO_NODE = 2;

/** A site: a disc sized by its device count, its name underneath when there is room for it. */
const SiteNodeView = memo(function SiteNodeView({ id, data }: NodeProps<SiteNode>) {
  const shown = useShown(id);
  const d = data.diameter;
  const size = data.constant ? `calc(${d}px * var(--inv-zoom, 1))` : `${d}px`;
  return (
    <div
      className={`site${data.neighbour ? ' site--neighbour' : ''}${data.constant ? ' site--geo' : ''}`}
      title={`${data.label} (${data.region}): ${data.detail}`}
      aria-label={`Site ${data.label}, ${data.detail}`}
      style={data.constant ? { width: GEO_NODE, height: GEO_NODE } : { width: d, height: d }}
    >
      <div className="site__disc" style={{ width: size, height: size }}>
        {!data.constant && d >= 34 && <span className="site__count">{data.devices}</span>}
      </div>
      {shown && (
        <span className="site__label" style={data.constant ? { marginTop: `calc(${d / 2 + 2}px * var(--inv-zoom, 1))` } : undefined}>
          {data.label}
        </span>
      )}
      <Handle type="source" position={Position.Top} className="site__handle" isConnectable={false} />
      <Handle type="target" position={Position.Top} className="site__handle" isConnectable={false} />
    </div>
  );
});

/** A region: a labelled box behind its sites (or the list of sites without coordinates beside the map). */
const RegionNodeView = memo(function RegionNodeView({ data }: NodeProps<RegionNode>) {
  return (
    <div className={`region-box${data.aside ? ' region-box--aside' : ''}`} role="group" aria-label={`${data.aside ? '' : 'Region '}${data.label}: ${data.detail}`}>
      <div className="region-box__head" title={`${data.label} ${data.detail}`}>
        <strong>{data.label}</strong> <span className="muted">{data.detail}</span>
      </div>
    </div>
  );
});

/** The offline world map under the geographic view. */
const BasemapView = memo(function BasemapView() {
  const { land, sphere } = basemapPaths();
  return (
    <svg className="basemap" width={MAP_W} height={MAP_H} viewBox={`0 0 ${MAP_W} ${MAP_H}`} aria-hidden="true">
      <path d={sphere} className="basemap__sphere" />
      <path d={land} className="basemap__land" />
    </svg>
  );
});

/** Links merged per site pair: width by capacity, "n links · capacity" when the label has room. */
const PairEdgeView = memo(function PairEdgeView({ id, sourceX, sourceY, targetX, targetY, data }: EdgeProps<PairEdge>) {
  const shown = useShown(id);
  const [path, lx, ly] = getStraightPath({ sourceX, sourceY, targetX, targetY });
  const stroke = data?.stroke ?? 1.5;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        className="site-pair"
        interactionWidth={12}
        // On the map the line keeps its screen width (the viewport is a CSS transform, which non-scaling-stroke does not undo).
        style={{ strokeWidth: data?.constant ? `calc(${Math.max(1, stroke / 2)}px * var(--inv-zoom, 1))` : stroke }}
      />
      {shown && data !== undefined && (
        <text x={lx} y={ly} className="site-pair__label" textAnchor="middle" dominantBaseline="central">
          {data.label}
        </text>
      )}
    </>
  );
});

export const overviewNodeTypes = { site: SiteNodeView, region: RegionNodeView, basemap: BasemapView, device: DeviceNodeView } satisfies NodeTypes;
export const overviewEdgeTypes = { sitePair: PairEdgeView, link: LinkEdgeView } satisfies EdgeTypes;
