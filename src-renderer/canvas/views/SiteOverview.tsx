import { Background, Controls, ReactFlow, ReactFlowProvider, useReactFlow, useStore as useFlowStore, type NodeMouseHandler } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Topology } from '../../../src-shared/model/topology';
import { MAP_H, MAP_W } from './geo';
import { pickLabels, zoomStep } from './labels';
import { LabelContext, overviewEdgeTypes, overviewNodeTypes, type LabelState } from './OverviewParts';
import { overviewFlow, overviewLabelBoxes, overviewLayout, siteDrillFlow, type OverviewFlow, type OverviewKind, type OverviewNode } from './overviewFlow';
import { siteGraph } from './siteGraph';

const FIT = { padding: 0.08 } as const;
const KIND_TEXT: Record<OverviewKind, string> = { sites: 'Site view', regions: 'Region view', geo: 'Geographic view' };

interface Props {
  topology: Topology;
  kind: OverviewKind;
  /** Opens the device view zoomed to these devices. */
  onShowDevices: (deviceIds: string[]) => void;
}

/**
 * The site, region and geographic views of a design (read-only overviews on
 * their own React Flow): sites, merged links, region boxes or the world map.
 * Double-click or Enter on a site drills into its devices; Escape or
 * "All sites" comes back.
 */
export function SiteOverview(props: Props) {
  return (
    <ReactFlowProvider>
      <OverviewBody {...props} />
    </ReactFlowProvider>
  );
}

function OverviewBody({ topology, kind, onShowDevices }: Props) {
  const [expanded, setExpanded] = useState<string | null>(null);
  const labels = useMemo(() => createStore<LabelState>()(() => ({ shown: new Set<string>() })), []);
  const graph = useMemo(() => siteGraph(topology), [topology]);
  const flow: OverviewFlow = useMemo(() => {
    if (expanded !== null) return siteDrillFlow(topology, graph, expanded);
    const f = overviewFlow(kind, graph, overviewLayout(kind, graph));
    if (kind !== 'geo') return f;
    const base: OverviewNode = { id: 'basemap', type: 'basemap', position: { x: 0, y: 0 }, width: MAP_W, height: MAP_H, zIndex: -2, selectable: false, draggable: false, focusable: false, data: {} };
    return { ...f, nodes: [base, ...f.nodes] };
  }, [topology, graph, kind, expanded]);
  // A design change that removes the drilled-into site returns to the overview.
  useEffect(() => {
    if (expanded !== null && !graph.sites.some((s) => s.id === expanded)) setExpanded(null);
  }, [graph, expanded]);
  useEffect(() => setExpanded(null), [kind]);

  const { fitView } = useReactFlow();
  // Fit the sites, not the world map: a national network fills the screen, not a speck on a globe.
  const fit = useMemo(() => ({ padding: kind === 'geo' && expanded === null ? 0.18 : FIT.padding, nodes: flow.nodes.filter((n) => n.type !== 'basemap').map((n) => ({ id: n.id })) }), [flow, kind, expanded]);
  useEffect(() => {
    const id = requestAnimationFrame(() => void fitView(fit));
    return () => cancelAnimationFrame(id);
  }, [fit, fitView]);

  const expandedSite = expanded === null ? null : (graph.sites.find((s) => s.id === expanded) ?? null);
  const onNodeDoubleClick: NodeMouseHandler<OverviewNode> = useCallback(
    (_e, n) => {
      if (n.type === 'site') setExpanded(n.id);
      else if (n.type === 'device') onShowDevices([n.id]);
    },
    [onShowDevices],
  );
  // Escape anywhere outside a text field returns from a drill-down (focus is lost when the drilled-into node goes away).
  useEffect(() => {
    if (expanded === null) return;
    const onKey = (e: globalThis.KeyboardEvent): void => {
      const t = e.target as HTMLElement | null;
      if (e.key !== 'Escape' || t?.closest('input, textarea, select, [contenteditable="true"]')) return;
      e.preventDefault();
      setExpanded(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [expanded]);
  const onKeyDown = useCallback(
    (e: KeyboardEvent) => {
      if (e.key !== 'Enter') return;
      const el = (document.activeElement as HTMLElement | null)?.closest('.react-flow__node');
      const id = el?.getAttribute('data-id');
      if (id && flow.nodes.some((n) => n.id === id && n.type === 'site')) {
        e.preventDefault();
        setExpanded(id);
      }
    },
    [flow],
  );
  const wrapper = useRef<HTMLDivElement | null>(null);
  const unplaced = expanded === null ? flow.unplaced.length : 0;
  const title = expandedSite !== null ? `Site ${expandedSite.name}` : KIND_TEXT[kind];
  return (
    <div className="overview" ref={wrapper} onKeyDown={onKeyDown} data-view={expanded !== null ? 'site-devices' : kind}>
      <div className="overview__bar" role="status" aria-label="View summary">
        {expandedSite !== null ? (
          <>
            <button type="button" onClick={() => setExpanded(null)} title="Back to all sites (Escape)">
              ← All sites
            </button>
            <span>
              <strong>{expandedSite.name}</strong> ({expandedSite.region}): {expandedSite.deviceIds.length} devices, {expandedSite.internalLinks} links inside,{' '}
              {flow.nodes.filter((n) => n.type === 'site').length} neighbouring sites
            </span>
            <button type="button" onClick={() => onShowDevices(expandedSite.deviceIds)}>
              Edit in device view
            </button>
          </>
        ) : (
          <span>
            <strong>{title}</strong>: {graph.sites.length} sites, {graph.pairs.length} site pairs linked, {topology.nodes.length} devices. Double-click or press Enter on a site to see its devices.
            {kind === 'geo' && (
              <span className={unplaced > 0 ? 'overview__warn' : 'muted'}>
                {' '}
                {unplaced > 0 ? `${unplaced} site${unplaced === 1 ? ' has' : 's have'} no coordinates: listed beside the map.` : 'Every site has coordinates.'}
              </span>
            )}
          </span>
        )}
      </div>
      <LabelContext.Provider value={labels}>
        <ReactFlow
          nodes={flow.nodes}
          edges={flow.edges}
          nodeTypes={overviewNodeTypes}
          edgeTypes={overviewEdgeTypes}
          onNodeDoubleClick={onNodeDoubleClick}
          nodesDraggable={false}
          nodesConnectable={false}
          zoomOnDoubleClick={false}
          deleteKeyCode={null}
          minZoom={0.02}
          maxZoom={kind === 'geo' ? 40 : 4}
          onlyRenderVisibleElements={flow.nodes.length + flow.edges.length > 1500}
          fitView
          fitViewOptions={fit}
          className="flow flow--overview"
          aria-label={`${title} canvas`}
        >
          <LabelPicker flow={flow} graph={graph} labels={labels} wrapper={wrapper} />
          <Background gap={24} />
          <Controls aria-label="Zoom controls" showInteractive={false} />
        </ReactFlow>
      </LabelContext.Provider>
    </div>
  );
}

/**
 * Follows the zoom: sets --inv-zoom (labels and geographic markers keep their
 * screen size) and re-picks the labels that fit whenever the zoom passes a step.
 */
function LabelPicker({ flow, graph, labels, wrapper }: { flow: OverviewFlow; graph: ReturnType<typeof siteGraph>; labels: StoreApi<LabelState>; wrapper: React.RefObject<HTMLDivElement | null> }) {
  const zoom = useFlowStore((s) => s.transform[2]);
  const step = zoomStep(zoom);
  useEffect(() => {
    wrapper.current?.style.setProperty('--inv-zoom', String(1 / zoom));
  }, [zoom, wrapper]);
  useEffect(() => {
    // Boxes at the smallest zoom of this step (the largest they get in flow units), so none overlap anywhere in it.
    labels.setState({ shown: pickLabels(overviewLabelBoxes(flow, graph, step * 2 ** -0.125)) });
  }, [flow, graph, step, labels]);
  return null;
}
