import { useMemo, useState } from 'react';
import { useCanvas } from '../../canvas/CanvasStoreProvider';
import { heatColor } from '../../canvas/heat';
import { noFailures } from '../../canvas/types';
import { SweepPanel, SweepSummaryLine, useSweep } from '../sim';
import { elementNamer } from '../../../src-shared/model/names';
import type { WhatIfModel } from '../../../src-shared/sim/whatif';
import { buildChips, filterChips, groupChips, type Chip, type GroupBy } from './chips';
import './evidence.css';

const PAIR_CUT_MAX_LINKS = 1500; // O(m·(n+m)): beyond this the sweep in main answers it

/**
 * What-if controls and the instant answer. The verdict and the sweep's
 * summary are pinned at the top of the panel (they stay in view while the
 * chips below scroll); the site, region and shared-risk chips are named,
 * searchable and grouped by region or role with counts.
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

  const sweep = useSweep(projectId, designId);
  const namer = useMemo(() => elementNamer(model.topology), [model]);
  const chips = useMemo(() => buildChips(model.topology, { sites: model.sites, regions: model.regions, srlgs: model.srlgs }), [model]);
  const [query, setQuery] = useState('');
  const [by, setBy] = useState<GroupBy>('region');
  const shownChips = useMemo(() => filterChips(chips, query), [chips, query]);
  const cutOffNames = overlay === null ? [] : overlay.cutOffSites.map((id) => namer.site(id));

  const group = (kind: Chip['kind'], title: string) => {
    const all = chips.filter((c) => c.kind === kind);
    if (all.length === 0) return null;
    const mine = shownChips.filter((c) => c.kind === kind);
    const groups = kind === 'regions' ? [{ key: 'all regions', chips: mine }] : groupChips(mine, by);
    // A long list opens collapsed; a search (or a short list) opens every group.
    const open = query.trim() !== '' || mine.length <= 60;
    return (
      <fieldset className="toggles toggles--grouped" aria-label={title}>
        <legend>
          {title} <span className="muted">({mine.length === all.length ? all.length : `${mine.length} of ${all.length}`})</span>
        </legend>
        {mine.length === 0 && <p className="muted">None match “{query}”.</p>}
        {groups.map((g) =>
          g.chips.length === 0 ? null : (
            <details key={g.key} className="chip-group" open={open || groups.length === 1} data-group={g.key}>
              <summary>
                {g.key} <span className="muted">({g.chips.length})</span>
              </summary>
              <div className="chip-group__chips">
                {g.chips.map((c) => (
                  <button
                    key={c.id}
                    type="button"
                    className="toggle"
                    aria-pressed={failures[kind].has(c.id)}
                    onClick={() => toggle(kind, c.id)}
                    aria-label={`Fail ${title.toLowerCase().replace(/s$/, '')} ${c.label}`}
                    title={c.label === c.id ? c.id : `${c.label} (${c.id})`}
                  >
                    {c.label}
                  </button>
                ))}
              </div>
            </details>
          ),
        )}
      </fieldset>
    );
  };

  return (
    <section className="panel whatif-panel" aria-label="What-if">
      <div className="pinned" data-testid="whatif-pinned">
      <h2>What-if</h2>
      {overlay === null && <p className="muted">Click devices or links on the canvas to fail them, or pick a site, region or shared risk below.</p>}
      {overlay !== null && (
        <div className={overlay.verdict.survives ? 'verdict verdict--ok' : 'verdict verdict--bad'} role="status" aria-label="What-if verdict">
          <strong>{overlay.verdict.text}</strong>
          <dl className="facts">
            <dt>Failed</dt>
            <dd>{overlay.failed.size} element(s)</dd>
            <dt>Cut off</dt>
            <dd>{overlay.cutOff.size} device(s){cutOffNames.length > 0 ? `: ${cutOffNames.slice(0, 8).join(', ')}${cutOffNames.length > 8 ? ` and ${cutOffNames.length - 8} more site(s)` : ''}` : ''}</dd>
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
      <SweepSummaryLine sweep={sweep} />
      <button type="button" disabled={nothing} onClick={() => setFailures(noFailures())}>
        Clear failures
      </button>
      </div>
      <SweepPanel sweep={sweep} readOnly={readOnly} />
      <h3>Fail a site, region or shared risk</h3>
      <div className="row chip-tools">
        <input type="search" placeholder="Filter by name, region, role…" aria-label="Filter sites, regions and shared risks" value={query} onChange={(e) => setQuery(e.target.value)} onKeyDown={(e) => e.stopPropagation()} />
        <label className="field field--compact">
          <span>Group by</span>
          <select value={by} onChange={(e) => setBy(e.target.value as GroupBy)} aria-label="Group chips by">
            <option value="region">region</option>
            <option value="role">role</option>
          </select>
        </label>
      </div>
      {group('sites', 'Sites')}
      {group('regions', 'Regions')}
      {group('srlgs', 'Shared-risk groups')}
      <h3>Minimal cut sets</h3>
      <p className="muted">
        {single.links.length} single link(s) and {single.nodes.length} single device(s) split the network on their own.
      </p>
      <ul className="cuts" aria-label="Single points of failure">
        {single.links.slice(0, 12).map((id) => (
          <li key={id}>
            <button type="button" onClick={() => onShow([], [id])} aria-label={`Show cut link ${namer.link(id)}`} data-id={id}>
              link {namer.link(id)}
            </button>
          </li>
        ))}
        {single.nodes.slice(0, 12).map((id) => (
          <li key={id}>
            <button type="button" onClick={() => onShow([id], [])} aria-label={`Show cut device ${namer.device(id)}`} data-id={id}>
              device {namer.device(id)}
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
                aria-label={`Fail links ${p.links.map(namer.link).join(' and ')}`}
              >
                {p.links.map(namer.link).join(' + ')} · {p.pairs} pair(s)
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
