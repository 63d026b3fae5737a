import { GoalSchema, RedundancySchema, type Goal, type Intent, type Redundancy } from '../../../src-shared/model/intent';
import { notApplicableFamilies } from '../../../src-shared/generate/applicability';
import { parseDemandMatrix } from '../../../src-shared/model/demand-matrix';
import { TOPOLOGY_FAMILIES } from '../../../src-shared/model/topology';
import type { IntentDraft } from './intentDraft';
import { WizardField } from './WizardField';

type StepProps = { draft: IntentDraft; problems: ReadonlyMap<string, string>; update: (d: IntentDraft) => void };

const REDUNDANCY_HELP: Record<Redundancy, string> = {
  NONE: 'connected; a single failure may cut sites off',
  STANDARD: 'survives any single link failure',
  HIGH: 'survives any single link or device failure',
  CRITICAL: 'survives any two link failures and any device failure',
};

/** Step 2: redundancy, goal, budget and growth. */
export function RequirementsStep({ draft, problems, update }: StepProps) {
  return (
    <>
      <WizardField label="Redundancy class" problem={problems.get('redundancy')} hint={REDUNDANCY_HELP[draft.redundancy]}>
        {(a) => (
          <select {...a} value={draft.redundancy} onChange={(e) => update({ ...draft, redundancy: e.target.value as Redundancy })}>
            {RedundancySchema.options.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        )}
      </WizardField>
      <WizardField label="Goal" problem={problems.get('goal')} hint="what to favour when options trade off">
        {(a) => (
          <select {...a} value={draft.goal} onChange={(e) => update({ ...draft, goal: e.target.value as Goal })}>
            {GoalSchema.options.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        )}
      </WizardField>
      <WizardField label="Budget (USD)" problem={problems.get('budgetUsd')} hint="e.g. 30M or 30,000,000; compared with the TCO over the term; leave empty for no budget check">
        {(a) => <input {...a} inputMode="numeric" value={draft.budgetUsd} onChange={(e) => update({ ...draft, budgetUsd: e.target.value })} />}
      </WizardField>
      <WizardField label="Cost term (years)" problem={problems.get('finance.termYears')} hint="TCO = capex + monthly recurring cost over this many years">
        {(a) => <input {...a} inputMode="numeric" value={draft.termYears} onChange={(e) => update({ ...draft, termYears: e.target.value })} />}
      </WizardField>
      <WizardField label="Discount rate (% a year)" problem={problems.get('finance.discountRatePct')} hint="0 for a plain sum; your cost of capital for a net present value">
        {(a) => <input {...a} inputMode="decimal" value={draft.discountRatePct} onChange={(e) => update({ ...draft, discountRatePct: e.target.value })} />}
      </WizardField>
      <WizardField label="Growth headroom (%)" problem={problems.get('growthHeadroomPct')}>
        {(a) => <input {...a} inputMode="numeric" value={draft.growthHeadroomPct} onChange={(e) => update({ ...draft, growthHeadroomPct: e.target.value })} />}
      </WizardField>
      <TrafficFields draft={draft} problems={problems} update={update} />
    </>
  );
}

const MATRIX_HINT =
  'Gbit/s per direction at the busy hour, before growth. CSV rows "from,to,gbps[,both]" (header optional; "mbps" in the header reads Mbit/s), ' +
  'a CSV site×site table (first header cell empty), or JSON [{"from","to","gbps"}] / {"A":{"B":1.5}}. Site names as listed under explicit sites.';

/** The traffic pattern and an explicit demand matrix (stored in the intent's traffic.demands). */
function TrafficFields({ draft, problems, update }: StepProps) {
  const parsed = parseDemandMatrix(draft.demands);
  const total = parsed.ok ? parsed.demands.reduce((s, d) => s + d.gbps * (d.both ? 2 : 1), 0) : 0;
  return (
    <>
      <WizardField label="Traffic" problem={problems.get('traffic.pattern')} hint="where the demand matrix comes from">
        {(a) => (
          <select {...a} value={draft.trafficPattern} onChange={(e) => update({ ...draft, trafficPattern: e.target.value === 'explicit' ? 'explicit' : 'role-aware' })}>
            <option value="role-aware">site bandwidth by role (plus the demands below)</option>
            <option value="explicit">only the demand matrix below</option>
          </select>
        )}
      </WizardField>
      <WizardField label="Demand matrix (Gbit/s)" problem={problems.get('traffic.demands')} hint={MATRIX_HINT}>
        {(a) => <textarea {...a} rows={6} spellCheck={false} value={draft.demands} placeholder={'from,to,gbps\nLondon HQ,Frankfurt DC,2.5'} onChange={(e) => update({ ...draft, demands: e.target.value })} />}
      </WizardField>
      {parsed.ok && parsed.demands.length > 0 && (
        <p className="muted" data-testid="matrix-summary">
          {parsed.demands.length} demand(s) read as {parsed.form}, {total.toLocaleString('en-US', { maximumFractionDigits: 3 })} Gbit/s in all (both directions, before growth)
          {parsed.notes.length > 0 ? `; ${parsed.notes.join('; ')}` : ''}
        </p>
      )}
    </>
  );
}

/** Step 3: hop/latency limits, ports, oversubscription and the control plane convergence is estimated from. */
export function ConstraintsStep({ draft, problems, update }: StepProps) {
  const field = (key: 'maxHops' | 'maxLatencyMs' | 'portsPerDevice' | 'maxOversubscription', label: string, hint?: string) => (
    <WizardField label={label} problem={problems.get(`constraints.${key}`)} {...(hint !== undefined ? { hint } : {})}>
      {(a) => <input {...a} inputMode="decimal" value={draft[key]} onChange={(e) => update({ ...draft, [key]: e.target.value })} />}
    </WizardField>
  );
  return (
    <>
      {field('maxHops', 'Most hops between two sites', 'empty: no limit')}
      {field('maxLatencyMs', 'Most one-way latency between two sites (ms)', 'empty: no limit')}
      {field('portsPerDevice', 'Ports per device')}
      {field('maxOversubscription', 'Largest leaf oversubscription (x:1)')}
      <label className="check">
        <input type="checkbox" checked={draft.bfd} onChange={(e) => update({ ...draft, bfd: e.target.checked })} />
        BFD on routed links (failure detection = interval × multiplier; without it, carrier circuits wait for the IGP hold time)
      </label>
      {draft.bfd && (
        <>
          <WizardField label="BFD interval (ms)" problem={problems.get('controlPlane.bfdIntervalMs')}>
            {(a) => <input {...a} inputMode="decimal" value={draft.bfdIntervalMs} onChange={(e) => update({ ...draft, bfdIntervalMs: e.target.value })} />}
          </WizardField>
          <WizardField label="BFD multiplier" problem={problems.get('controlPlane.bfdMultiplier')}>
            {(a) => <input {...a} inputMode="numeric" value={draft.bfdMultiplier} onChange={(e) => update({ ...draft, bfdMultiplier: e.target.value })} />}
          </WizardField>
        </>
      )}
      <WizardField label="Fast reroute" problem={problems.get('controlPlane.fastReroute')} hint="TI-LFA protects any single link or device failure; LFA part of the destinations">
        {(a) => (
          <select {...a} value={draft.fastReroute} onChange={(e) => update({ ...draft, fastReroute: e.target.value === 'ti-lfa' ? 'ti-lfa' : e.target.value === 'lfa' ? 'lfa' : 'none' })}>
            <option value="none">none</option>
            <option value="lfa">LFA (RFC 5286)</option>
            <option value="ti-lfa">TI-LFA (segment routing)</option>
          </select>
        )}
      </WizardField>
    </>
  );
}

/** Step 4: the intent as it will be sent. */
/**
 * One group as it will be used: how many sites, in which regions (a listed
 * site's own region counts, not only the group's default), users and bandwidth.
 */
function groupLine(g: Intent['siteGroups'][number]): string {
  const listed = g.sites ?? [];
  const total = Math.max(g.count ?? 0, listed.length);
  const perRegion = new Map<string, number>();
  for (const s of listed) perRegion.set(s.region ?? g.region, (perRegion.get(s.region ?? g.region) ?? 0) + 1);
  const generated = total - listed.length;
  if (generated > 0) perRegion.set(g.region, (perRegion.get(g.region) ?? 0) + generated);
  const regions = [...perRegion].map(([r, n]) => (perRegion.size === 1 ? r : `${n} in ${r}`)).join(', ');
  const named = listed.length > 0 ? `; named: ${listed.slice(0, 5).map((s) => s.name).join(', ')}${listed.length > 5 ? ` and ${listed.length - 5} more` : ''}` : '';
  return `${total.toLocaleString('en-US')} ${g.name !== undefined ? `${g.name} (${g.role})` : g.role} — ${regions}; ${g.usersPerSite.toLocaleString('en-US')} users and ${g.bandwidthMbpsPerSite.toLocaleString('en-US')} Mbit/s per site${named}`;
}

export function ReviewStep({ intent }: { intent: Intent | null }) {
  if (intent === null) return <p className="problem">Fix the problems marked on the earlier steps first.</p>;
  const sites = intent.siteGroups.reduce((n, g) => n + Math.max(g.count ?? 0, g.sites?.length ?? 0), 0);
  const skipped = notApplicableFamilies(intent);
  return (
    <dl className="facts facts--wide" aria-label="Intent summary">
      <dt>Name</dt>
      <dd>{intent.name}</dd>
      <dt>Sites</dt>
      <dd>
        {sites.toLocaleString('en-US')} in {intent.siteGroups.length} group(s)
        <ul className="review-groups">
          {intent.siteGroups.map((g, i) => (
            <li key={i}>{groupLine(g)}</li>
          ))}
        </ul>
      </dd>
      <dt>Redundancy</dt>
      <dd>{intent.redundancy}</dd>
      <dt>Goal</dt>
      <dd>{intent.goal}</dd>
      <dt>Budget</dt>
      <dd>{intent.budgetUsd !== undefined ? `$${intent.budgetUsd.toLocaleString('en-US')} (against the TCO)` : 'none'}</dd>
      <dt>Cost term</dt>
      <dd>
        {intent.finance.termYears} years{intent.finance.discountRatePct > 0 ? `, discounted at ${intent.finance.discountRatePct} % a year` : ', undiscounted'}
      </dd>
      <dt>Growth headroom</dt>
      <dd>{intent.growthHeadroomPct} %</dd>
      <dt>Traffic</dt>
      <dd>
        {intent.traffic.pattern === 'explicit' ? 'explicit matrix only' : 'site bandwidth by role'}
        {intent.traffic.demands.length > 0 ? `, ${intent.traffic.demands.length} typed demand(s) in Gbit/s` : ''}
      </dd>
      <dt>Constraints</dt>
      <dd>
        {intent.constraints.maxHops !== undefined ? `≤ ${intent.constraints.maxHops} hops, ` : ''}
        {intent.constraints.maxLatencyMs !== undefined ? `≤ ${intent.constraints.maxLatencyMs} ms, ` : ''}
        {intent.constraints.portsPerDevice} ports, ≤ {intent.constraints.maxOversubscription}:1 oversubscription
      </dd>
      <dt>Families</dt>
      <dd>
        {TOPOLOGY_FAMILIES.length - skipped.length} of {TOPOLOGY_FAMILIES.length} to generate
        {skipped.length > 0 && (
          <ul aria-label="Families not applicable">
            {skipped.map((s) => (
              <li key={s.family}>
                <strong>{s.family}</strong>: not applicable, because {s.reason}
              </li>
            ))}
          </ul>
        )}
      </dd>
    </dl>
  );
}
