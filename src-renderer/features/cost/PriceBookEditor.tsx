import { useEffect, useState } from 'react';
import { TRANSPORT_LABEL } from '../../../src-shared/cost/labels';
import { DEFAULT_PRICE_BOOK, parsePriceBook } from '../../../src-shared/cost/pricebook';
import { DEVICE_ROLES, SITE_ROLES } from '../../../src-shared/model/topology';
import { call } from '../../api/client';
import { useProjectPriceBook } from './usePriceBook';

type Path = (string | number)[];
type Draft = Record<string, unknown>;

const clone = <T,>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const toDraft = (x: object): Draft => JSON.parse(JSON.stringify(x)) as Draft;
const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const get = (o: unknown, path: Path): unknown => path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], o);
function setIn(o: Draft, path: Path, value: unknown): Draft {
  const out = clone(o);
  let cur = out as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === undefined) delete cur[last];
  else cur[last] = value;
  return out;
}

/**
 * The project's price book, every figure editable: devices by role, optics,
 * installation, circuits by transport (tiers, distance bands, dark fibre),
 * support and colocation, each section with its source note. Saved only
 * when the whole book parses (problems are listed by field); "Use the
 * default" removes the project's copy. New designs and validations, the
 * design view and Compare price with it.
 */
export function PriceBookEditor({ projectId, readOnly }: { projectId: string; readOnly: boolean }) {
  const { book, custom } = useProjectPriceBook(projectId);
  const [draft, setDraft] = useState<Draft>(() => toDraft(book));
  const [problems, setProblems] = useState<string[]>([]);
  const [status, setStatus] = useState<string>('');
  useEffect(() => setDraft(toDraft(book)), [book]);
  const dirty = JSON.stringify(draft) !== JSON.stringify(book);
  const set = (path: Path, value: unknown): void => {
    setDraft((d) => setIn(d, path, value));
    setStatus('');
  };

  const save = async (): Promise<void> => {
    const parsed = parsePriceBook(draft);
    if (!parsed.ok) {
      setProblems(parsed.problems);
      return;
    }
    setProblems([]);
    try {
      await call('pricebook:set', { projectId, book: parsed.book });
      setStatus('Saved. New designs and validations use this price book.');
    } catch (err) {
      setProblems([(err as Error).message]);
    }
  };
  const restoreDefault = async (): Promise<void> => {
    try {
      await call('pricebook:set', { projectId, book: null });
      setProblems([]);
      setStatus('This project now uses the default price book.');
    } catch (err) {
      setProblems([(err as Error).message]);
    }
  };

  const num = (path: Path, label: string) => (
    <input
      type="number"
      aria-label={label}
      value={str(get(draft, path))}
      disabled={readOnly}
      min={0}
      step="any"
      onChange={(e) => set(path, e.target.value === '' ? undefined : Number(e.target.value))}
    />
  );
  const source = (path: Path, label: string) => (
    <label className="field">
      <span>{label}: source, range and date</span>
      <textarea className="pricebook__source" rows={3} value={str(get(draft, path))} disabled={readOnly} onChange={(e) => set(path, e.target.value)} />
    </label>
  );
  const tierTable = (path: Path, cols: { key: string; head: string }[], blank: Record<string, number>, label: string) => {
    const rows = (get(draft, path) as Record<string, number>[] | undefined) ?? [];
    return (
      <table aria-label={label}>
        <thead>
          <tr>
            {cols.map((c) => (
              <th key={c.key} scope="col">
                {c.head}
              </th>
            ))}
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((_, i) => (
            <tr key={i}>
              {cols.map((c) => (
                <td key={c.key}>{num([...path, i, c.key], `${label} row ${i + 1} ${c.head}`)}</td>
              ))}
              <td>
                <button type="button" disabled={readOnly || rows.length <= 1} onClick={() => set(path, rows.filter((__, j) => j !== i))} aria-label={`Remove ${label} row ${i + 1}`}>
                  ✕
                </button>
              </td>
            </tr>
          ))}
          <tr>
            <td colSpan={cols.length + 1}>
              <button type="button" disabled={readOnly} onClick={() => set(path, [...rows, { ...blank }])}>
                Add a tier
              </button>
            </td>
          </tr>
        </tbody>
      </table>
    );
  };
  const byRole = (get(draft, ['devices', 'byRole']) as Record<string, unknown> | undefined) ?? {};
  const bands = (get(draft, ['circuits', 'bands']) as { name: string; maxKm: number }[] | undefined) ?? [];
  const rackRoles = new Set((get(draft, ['recurring', 'rackSiteRoles']) as string[] | undefined) ?? []);

  return (
    <div className="pricebook" aria-label="Price book editor">
      <h2>Price book</h2>
      <p className="muted">
        {custom ? 'This project has its own price book.' : 'This project uses the price book shipped with NetTwin.'} Designs are priced as capex (devices, optics,
        installation, fibre IRUs), a monthly recurring cost (circuits by transport, support, colocation, fibre maintenance) and the total cost of ownership over
        each intent’s term. Every section says where its figures come from; change them to your negotiated prices.
      </p>
      <div className="toolbar">
        <button type="button" onClick={() => void save()} disabled={readOnly || !dirty}>
          Save price book
        </button>
        <button type="button" onClick={() => setDraft(toDraft(book))} disabled={!dirty}>
          Discard changes
        </button>
        <button type="button" onClick={() => void restoreDefault()} disabled={readOnly || !custom}>
          Use the default price book
        </button>
        <button type="button" onClick={() => setDraft(toDraft(DEFAULT_PRICE_BOOK))} disabled={readOnly}>
          Start from the defaults
        </button>
        {status !== '' && <span role="status">{status}</span>}
      </div>
      {problems.length > 0 && (
        <ul className="pricebook__problems" role="alert" aria-label="Price book problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <label className="field">
        <span>Name</span>
        <input type="text" value={str(draft['name'])} disabled={readOnly} onChange={(e) => set(['name'], e.target.value)} />
      </label>
      <label className="field">
        <span>Figures checked on (date)</span>
        <input type="text" value={str(draft['asOf'])} disabled={readOnly} onChange={(e) => set(['asOf'], e.target.value)} />
      </label>

      <h3>Devices (list price, one-time)</h3>
      <p>
        Per port beyond the largest model {num(['devices', 'extraPortUsd'], 'Price per extra port')} USD · installing one device {num(['devices', 'installUsd'], 'Installation per device')} USD
      </p>
      <h4>Any role without its own models</h4>
      {tierTable(['devices', 'default'], [{ key: 'ports', head: 'Ports' }, { key: 'usd', head: 'USD' }], { ports: 48, usd: 0 }, 'Default device models')}
      {DEVICE_ROLES.map((role) =>
        byRole[role] === undefined ? (
          <p key={role}>
            {role}: default models{' '}
            <button type="button" disabled={readOnly} onClick={() => set(['devices', 'byRole', role], clone(get(draft, ['devices', 'default'])))}>
              Give {role} its own models
            </button>
          </p>
        ) : (
          <div key={role}>
            <h4>
              {role}{' '}
              <button type="button" disabled={readOnly} onClick={() => set(['devices', 'byRole', role], undefined)}>
                Use the default models
              </button>
            </h4>
            {tierTable(['devices', 'byRole', role], [{ key: 'ports', head: 'Ports' }, { key: 'usd', head: 'USD' }], { ports: 48, usd: 0 }, `${role} models`)}
          </div>
        ),
      )}
      {source(['devices', 'source'], 'Devices')}

      <h3>Optics (one per LAG member at each end)</h3>
      <p>Long reach beyond {num(['optics', 'shortReachMaxKm'], 'Short-reach limit in km')} km</p>
      {tierTable(['optics', 'tiers'], [{ key: 'capacityGbps', head: 'Gbit/s' }, { key: 'shortReachUsd', head: 'Short reach USD' }, { key: 'longReachUsd', head: 'Long reach USD' }], { capacityGbps: 1, shortReachUsd: 0, longReachUsd: 0 }, 'Optics')}
      {source(['optics', 'source'], 'Optics')}

      <h3>Circuits</h3>
      <p>Cabling one link member inside a site {num(['circuits', 'intraSiteUsd'], 'Cabling inside a site')} USD</p>
      <table aria-label="Distance bands">
        <thead>
          <tr>
            <th scope="col">Distance band</th>
            <th scope="col">Up to km</th>
          </tr>
        </thead>
        <tbody>
          {bands.map((b, i) => (
            <tr key={i}>
              <td>
                <input type="text" aria-label={`Band ${i + 1} name`} value={b.name} disabled={readOnly} onChange={(e) => set(['circuits', 'bands', i, 'name'], e.target.value)} />
              </td>
              <td>{num(['circuits', 'bands', i, 'maxKm'], `Band ${i + 1} up to km`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {(['internet', 'mpls', 'wavelength'] as const).map((t) => (
        <div key={t}>
          <h4>{TRANSPORT_LABEL[t]}</h4>
          {tierTable(['circuits', t, 'tiers'], [{ key: 'capacityGbps', head: 'Gbit/s' }, { key: 'installUsd', head: 'Install USD' }, { key: 'monthlyUsd', head: 'Per month USD' }], { capacityGbps: 1, installUsd: 0, monthlyUsd: 0 }, `${TRANSPORT_LABEL[t]} tiers`)}
          <p>
            Monthly charge × by distance band:{' '}
            {bands.map((b, i) => (
              <span key={i}>
                {b.name} {num(['circuits', t, 'bandFactors', i], `${TRANSPORT_LABEL[t]} factor for ${b.name}`)}{' '}
              </span>
            ))}
          </p>
          {source(['circuits', t, 'source'], TRANSPORT_LABEL[t])}
        </div>
      ))}
      <h4>{TRANSPORT_LABEL['dark-fibre']}</h4>
      <p>
        Install {num(['circuits', 'darkFibre', 'installUsd'], 'Dark fibre installation')} USD · IRU {num(['circuits', 'darkFibre', 'iruPerKmUsd'], 'Dark fibre IRU per km')} USD a route km ·
        maintenance {num(['circuits', 'darkFibre', 'maintenancePerKmYearUsd'], 'Dark fibre maintenance per km a year')} USD a km a year
      </p>
      {source(['circuits', 'darkFibre', 'source'], 'Dark fibre')}

      <h3>Support and colocation (recurring)</h3>
      <p>
        Support {num(['recurring', 'supportPctPerYear'], 'Support percent of list price a year')} % of device list price a year · a rack with power{' '}
        {num(['recurring', 'rackMonthlyUsd'], 'Rack per month')} USD a month · {num(['recurring', 'devicesPerRack'], 'Devices per rack')} devices a rack
      </p>
      <fieldset>
        <legend>Sites that pay colocation</legend>
        {SITE_ROLES.map((r) => (
          <label key={r} className="check">
            <input
              type="checkbox"
              checked={rackRoles.has(r)}
              disabled={readOnly}
              onChange={(e) => set(['recurring', 'rackSiteRoles'], SITE_ROLES.filter((x) => (x === r ? e.target.checked : rackRoles.has(x))))}
            />
            {r}
          </label>
        ))}
      </fieldset>
      {source(['recurring', 'source'], 'Support and colocation')}
    </div>
  );
}
