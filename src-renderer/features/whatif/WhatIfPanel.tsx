import { useMemo, useState } from 'react';
import { useCanvas } from '../../canvas/CanvasStoreProvider';
import { heatColor } from '../../canvas/heat';
import { noFailures, type FailureKind } from '../../canvas/types';
import { SweepPanel } from '../sim';
import type { WhatIfModel } from '../../../src-shared/sim/whatif';

const PAIR_CUT_MAX_LINKS = 1500; // O(m·(n+m)): beyond this the sweep in main answers it

/**
 * What-if controls and the instant answer: the verdict, stranded demand,
 * cut-off sites, toggles for sites/regions/SRLGs and the minimal cut sets.
 */
interface Props {
  model: WhatIfModel;
  onShow: (nodes: string[], links: string[]) => void;
  projectId: string;
  designId: string;
  readOnly: boolean;
}

export function WhatIfPanel({ model, onShow, projectId, designId, readOnly }: Props) {
  const overlay = useCanvas((s) => s.overlay);
  const failures = useCanvas((s) => s.failures);
  const toggle = useCanvas((s) => s.toggleFailure);
  const setFailures = useCanvas((s) => s.setFailures);
  const single = useMemo(() => model.singleCuts(), [model]);
  const [pairs, setPairs] = useState<ReturnType<WhatIfModel['linkPairCuts']> | null>(null);
  const nothing = (Object.values(failures) as ReadonlySet<string>[]).every((s) => s.size === 0);

  const group = (kind: FailureKind, title: string, ids: string[]) =>
    ids.length === 0 ? null : (
      <fieldset className="toggles">
        <legend>{title}</legend>
        {ids.map((id) => (
          <button key={id} type="button" className="toggle" aria-pressed={failures[kind].has(id)} onClick={() => toggle(kind, id)} aria-label={`Fail ${title.toLowerCase().replace(/s$/, '')} ${id}`}>
            {id}
          </button>
        ))}
      </fieldset>
    );

  return (
    <section className="panel" aria-label="What-if">
      <h2>What-if</h2>
      <p className="muted">Click devices or links on the canvas to fail them, or pick a group below.</p>
      {overlay !== null && (
        <div className={overlay.verdict.survives ? 'verdict verdict--ok' : 'verdict verdict--bad'} role="status" aria-label="What-if verdict">
          <strong>{overlay.verdict.text}</strong>
          <dl className="facts">
            <dt>Failed</dt>
            <dd>{overlay.failed.size} element(s)</dd>
            <dt>Cut off</dt>
            <dd>{overlay.cutOff.size} device(s){overlay.cutOffSites.length > 0 ? `: ${overlay.cutOffSites.slice(0, 8).join(', ')}` : ''}</dd>
            <dt>Device pairs cut apart</dt>
            <dd>{(overlay.strandedDemand * 100).toFixed(1)} % of pairs</dd>
            <dt>Rerouted links</dt>
            <dd>{overlay.rerouted.size}</dd>
            <dt>Busiest link</dt>
            <dd>{!model.routes ? 'routing off for designs this big' : overlay.routing === 'pending' ? 'rerouting…' : `${overlay.maxHeat.toFixed(2)}× today's peak`}</dd>
            <dt>Answered in</dt>
            <dd data-ms={overlay.ms.toFixed(1)} data-routing-ms={overlay.routingMs?.toFixed(1) ?? ''}>
              {overlay.ms.toFixed(0)} ms{overlay.routingMs !== undefined ? ` + ${overlay.routingMs.toFixed(0)} ms routing` : ''}
            </dd>
          </dl>
          <div className="heat-legend" aria-hidden="true">
            {[0, 0.5, 1, 1.5].map((h) => (
              <span key={h} style={{ background: heatColor(h) }}>
                {h}×
              </span>
            ))}
          </div>
        </div>
      )}
      <button type="button" disabled={nothing} onClick={() => setFailures(noFailures())}>
        Clear failures
      </button>
      {group('sites', 'Sites', model.sites)}
      {group('regions', 'Regions', model.regions)}
      {group('srlgs', 'Shared-risk groups', model.srlgs)}
      <h3>Minimal cut sets</h3>
      <p className="muted">
        {single.links.length} single link(s) and {single.nodes.length} single device(s) split the network on their own.
      </p>
      <ul className="cuts" aria-label="Single points of failure">
        {single.links.slice(0, 12).map((id) => (
          <li key={id}>
            <button type="button" onClick={() => onShow([], [id])} aria-label={`Show cut link ${id}`}>
              link {id}
            </button>
          </li>
        ))}
        {single.nodes.slice(0, 12).map((id) => (
          <li key={id}>
            <button type="button" onClick={() => onShow([id], [])} aria-label={`Show cut device ${id}`}>
              device {id}
            </button>
          </li>
        ))}
      </ul>
      {pairs === null ? (
        <button type="button" disabled={model.g.linkIds.length > PAIR_CUT_MAX_LINKS} onClick={() => setPairs(model.linkPairCuts())}>
          Find two-link cuts
        </button>
      ) : (
        <ul className="cuts" aria-label="Two-link cut sets">
          {pairs.length === 0 && <li className="muted">No pair of links splits the network (beyond single cuts).</li>}
          {pairs.map((p) => (
            <li key={p.links.join('+')}>
              <button
                type="button"
                onClick={() => setFailures({ ...noFailures(), links: new Set(p.links) })}
                aria-label={`Fail links ${p.links.join(' and ')}`}
              >
                {p.links.join(' + ')} · {p.pairs} pair(s)
              </button>
            </li>
          ))}
        </ul>
      )}
      <SweepPanel projectId={projectId} designId={designId} readOnly={readOnly} />
    </section>
  );
}
