import { TRANSPORT_LABEL } from '../../../src-shared/cost/labels';
import { chooseTransport, linkEndsOf } from '../../../src-shared/cost/transport';
import { linkRoute, describeRoute } from '../../../src-shared/model/latency';
import { DeviceRoleSchema, DeviceSchema, LinkSchema, TRANSPORTS, TransportSchema, type Device, type Link, type Topology } from '../../../src-shared/model/topology';
import { setLinkRouteFactor, updateDevice, updateLink, type DevicePatch, type LinkPatch } from '../../actions/edits';
import { ROLE_LIST, roleStyle } from '../../canvas/roles';
import { CommitField, numberOrUndefined } from './Field';

interface Props {
  topology: Topology;
  nodeIds: readonly string[];
  linkIds: readonly string[];
  readOnly: boolean;
  commit: (t: Topology, label: string) => void;
}

/** Properties of the selected device or link; every change is one undo step. */
export function Inspector({ topology, nodeIds, linkIds, readOnly, commit }: Props) {
  if (nodeIds.length === 1 && linkIds.length === 0) {
    const n = topology.nodes.find((d) => d.id === nodeIds[0]);
    if (n) return <DeviceForm key={`${n.id}:${JSON.stringify(n)}`} device={n} topology={topology} readOnly={readOnly} commit={commit} />;
  }
  if (linkIds.length === 1 && nodeIds.length === 0) {
    const l = topology.links.find((x) => x.id === linkIds[0]);
    if (l) return <LinkForm key={`${l.id}:${JSON.stringify(l)}`} link={l} topology={topology} readOnly={readOnly} commit={commit} />;
  }
  const count = nodeIds.length + linkIds.length;
  if (count === 0) {
    return (
      <section className="panel" aria-label="Inspector">
        <h2>Inspector</h2>
        <p className="muted">Select a device or link to edit it. Shift-drag selects several.</p>
      </section>
    );
  }
  const pinAll = (pinned: boolean): void => {
    let t = topology;
    for (const id of nodeIds) t = updateDevice(t, id, { pinned });
    commit(t, `${pinned ? 'Pin' : 'Unpin'} ${nodeIds.length} device(s)`);
  };
  return (
    <section className="panel" aria-label="Inspector">
      <h2>Inspector</h2>
      <p>
        {nodeIds.length} device(s) and {linkIds.length} link(s) selected.
      </p>
      <div className="row">
        <button type="button" disabled={readOnly || nodeIds.length === 0} onClick={() => pinAll(true)}>
          Pin all
        </button>
        <button type="button" disabled={readOnly || nodeIds.length === 0} onClick={() => pinAll(false)}>
          Unpin all
        </button>
      </div>
    </section>
  );
}

function DeviceForm({ device: n, topology, readOnly, commit }: { device: Device; topology: Topology; readOnly: boolean; commit: Props['commit'] }) {
  const set = (patch: DevicePatch, what: string): void => commit(updateDevice(topology, n.id, patch), `${what} of ${n.name}`);
  return (
    <section className="panel" aria-label="Inspector">
      <h2>Device</h2>
      <p className="muted">
        {roleStyle(n.role).name} · id {n.id}
      </p>
      <CommitField label="Name" initial={n.name} schema={DeviceSchema.shape.name} parse={(r) => r.trim()} onCommit={(name) => set({ name }, 'Rename')} disabled={readOnly} />
      <label className="field field--compact">
        <span>Role</span>
        <select value={n.role} disabled={readOnly} onChange={(e) => set({ role: DeviceRoleSchema.parse(e.target.value) }, 'Role')}>
          {ROLE_LIST.map((r) => (
            <option key={r} value={r}>
              {roleStyle(r).name}
            </option>
          ))}
        </select>
      </label>
      <label className="field field--compact">
        <span>Site</span>
        <select value={n.site ?? ''} disabled={readOnly} onChange={(e) => set({ site: e.target.value === '' ? undefined : e.target.value }, 'Site')}>
          <option value="">(none)</option>
          {topology.sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} ({s.region})
            </option>
          ))}
        </select>
      </label>
      <CommitField label="Ports" type="number" initial={String(n.ports)} schema={DeviceSchema.shape.ports.unwrap()} parse={Number} onCommit={(ports) => set({ ports }, 'Ports')} disabled={readOnly} />
      <CommitField label="Model" initial={n.model ?? ''} schema={DeviceSchema.shape.model} parse={(r) => (r.trim() === '' ? undefined : r.trim())} onCommit={(model) => set({ model }, 'Model')} disabled={readOnly} />
      <label className="check">
        <input type="checkbox" checked={n.pinned === true} disabled={readOnly} onChange={(e) => set({ pinned: e.target.checked }, e.target.checked ? 'Pin' : 'Unpin')} />
        Pinned (auto-layout keeps it in place)
      </label>
    </section>
  );
}

function LinkForm({ link: l, topology, readOnly, commit }: { link: Link; topology: Topology; readOnly: boolean; commit: Props['commit'] }) {
  const name = (id: string): string => topology.nodes.find((n) => n.id === id)?.name ?? id;
  const set = (patch: LinkPatch, what: string): void => commit(updateLink(topology, l.id, patch), `${what} of link ${l.id}`);
  const route = linkRoute(topology, l);
  return (
    <section className="panel" aria-label="Inspector">
      <h2>Link</h2>
      <p className="muted">
        {name(l.source)} ↔ {name(l.target)}
      </p>
      <CommitField label="Capacity (Gbit/s)" type="number" initial={String(l.capacityGbps)} schema={LinkSchema.shape.capacityGbps.unwrap()} parse={Number} onCommit={(capacityGbps) => set({ capacityGbps }, 'Capacity')} disabled={readOnly} />
      <CommitField label="IGP weight" type="number" initial={String(l.igpWeight)} schema={LinkSchema.shape.igpWeight.unwrap()} parse={Number} onCommit={(igpWeight) => set({ igpWeight }, 'IGP weight')} disabled={readOnly} />
      <CommitField label="Latency (ms)" type="number" initial={String(l.latencyMs)} schema={LinkSchema.shape.latencyMs.unwrap()} parse={Number} onCommit={(latencyMs) => set({ latencyMs }, 'Latency')} disabled={readOnly} />
      <CommitField label="Distance (km)" type="number" initial={l.distanceKm === undefined ? '' : String(l.distanceKm)} schema={LinkSchema.shape.distanceKm} parse={numberOrUndefined} onCommit={(distanceKm) => set({ distanceKm }, 'Distance')} disabled={readOnly} />
      <label className="field field--compact">
        <span>Transport (how the circuit is bought)</span>
        <select
          value={l.transport ?? ''}
          disabled={readOnly}
          onChange={(e) => set({ transport: e.target.value === '' ? undefined : TransportSchema.parse(e.target.value) }, 'Transport')}
        >
          <option value="">Automatic: {TRANSPORT_LABEL[chooseTransport(linkEndsOf(topology, l))]}</option>
          {TRANSPORTS.map((t) => (
            <option key={t} value={t}>
              {TRANSPORT_LABEL[t]}
            </option>
          ))}
        </select>
      </label>
      <CommitField
        label="Route factor (route km / great-circle km, 1–5; empty: corridor default)"
        type="number"
        initial={l.routeFactor === undefined ? '' : String(l.routeFactor)}
        schema={LinkSchema.shape.routeFactor}
        parse={numberOrUndefined}
        onCommit={(routeFactor) => commit(setLinkRouteFactor(topology, l.id, routeFactor), `Route factor of link ${l.id}`)}
        disabled={readOnly}
      />
      {route && <p className="muted" data-testid="link-route">Modelled route: {describeRoute(route)}{route.latencyMs !== l.latencyMs ? ` — the link states ${l.latencyMs} ms` : ''}</p>}
      <CommitField
        label="Shared-risk groups (comma separated)"
        initial={l.srlgs.join(', ')}
        schema={LinkSchema.shape.srlgs.unwrap()}
        parse={(r) => r.split(',').map((x) => x.trim()).filter((x) => x !== '')}
        onCommit={(srlgs) => set({ srlgs }, 'SRLGs')}
        disabled={readOnly}
      />
    </section>
  );
}
