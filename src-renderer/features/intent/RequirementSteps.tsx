import { GoalSchema, RedundancySchema, type Goal, type Intent, type Redundancy } from '../../../src-shared/model/intent';
import { notApplicableFamilies } from '../../../src-shared/generate/applicability';
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
      <WizardField label="Budget (USD)" problem={problems.get('budgetUsd')} hint="e.g. 30M or 30,000,000; leave empty for no budget check">
        {(a) => <input {...a} inputMode="numeric" value={draft.budgetUsd} onChange={(e) => update({ ...draft, budgetUsd: e.target.value })} />}
      </WizardField>
      <WizardField label="Growth headroom (%)" problem={problems.get('growthHeadroomPct')}>
        {(a) => <input {...a} inputMode="numeric" value={draft.growthHeadroomPct} onChange={(e) => update({ ...draft, growthHeadroomPct: e.target.value })} />}
      </WizardField>
    </>
  );
}

/** Step 3: hop/latency limits, ports and oversubscription. */
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
      <dd>{intent.budgetUsd !== undefined ? `$${intent.budgetUsd.toLocaleString('en-US')}` : 'none'}</dd>
      <dt>Growth headroom</dt>
      <dd>{intent.growthHeadroomPct} %</dd>
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
