import { SITE_ROLES, type SiteRole } from '../../../src-shared/model/topology';
import { newGroup, problemsUnder, type GroupDraft, type IntentDraft } from './intentDraft';
import { WizardField } from './WizardField';

/** Step 1: the intent's name and its site groups (role, region, count or explicit sites). */
export function SiteGroupsStep({ draft, problems, update }: { draft: IntentDraft; problems: ReadonlyMap<string, string>; update: (d: IntentDraft) => void }) {
  const setGroup = (i: number, patch: Partial<GroupDraft>): void =>
    update({ ...draft, groups: draft.groups.map((g, k) => (k === i ? { ...g, ...patch } : g)) });
  const regions = [...new Set(draft.groups.map((g) => g.region.trim()).filter((r) => r !== ''))];
  return (
    <>
      <WizardField label="Intent name" problem={problems.get('name')}>
        {(a) => <input {...a} value={draft.name} onChange={(e) => update({ ...draft, name: e.target.value })} />}
      </WizardField>
      <p className="muted">
        Regions so far: {regions.length > 0 ? regions.join(', ') : 'none'}. A region outage fails every site in it.
      </p>
      {problems.get('siteGroups') !== undefined && <p className="problem">{problems.get('siteGroups')}</p>}
      {draft.groups.map((g, i) => {
        const groupProblem = problemsUnder(problems, `siteGroups.${i}`).find((m) => !m.includes(':'));
        return (
          <fieldset key={i} className="group-card" aria-label={`Site group ${i + 1}`}>
            <legend>Site group {i + 1}</legend>
            <div className="row">
              <WizardField label={`Group ${i + 1} site role`} problem={problems.get(`siteGroups.${i}.role`)}>
                {(a) => (
                  <select {...a} value={g.role} onChange={(e) => setGroup(i, { role: e.target.value as SiteRole })}>
                    {SITE_ROLES.map((r) => (
                      <option key={r} value={r}>
                        {r}
                      </option>
                    ))}
                  </select>
                )}
              </WizardField>
              <WizardField label={`Group ${i + 1} region`} problem={problems.get(`siteGroups.${i}.region`)}>
                {(a) => <input {...a} value={g.region} onChange={(e) => setGroup(i, { region: e.target.value })} />}
              </WizardField>
              <WizardField label={`Group ${i + 1} number of sites`} problem={problems.get(`siteGroups.${i}.count`)} hint="or list sites below">
                {(a) => <input {...a} inputMode="numeric" value={g.count} onChange={(e) => setGroup(i, { count: e.target.value })} />}
              </WizardField>
              <WizardField label={`Group ${i + 1} users per site`} problem={problems.get(`siteGroups.${i}.usersPerSite`)}>
                {(a) => <input {...a} inputMode="numeric" value={g.usersPerSite} onChange={(e) => setGroup(i, { usersPerSite: e.target.value })} />}
              </WizardField>
              <WizardField
                label={`Group ${i + 1} bandwidth per site (Mbit/s)`}
                problem={problems.get(`siteGroups.${i}.bandwidthMbpsPerSite`)}
                hint="the site's WAN demand; sizes links and the traffic model"
              >
                {(a) => <input {...a} inputMode="decimal" value={g.bandwidthMbpsPerSite} onChange={(e) => setGroup(i, { bandwidthMbpsPerSite: e.target.value })} />}
              </WizardField>
            </div>
            <div className="row">
              <WizardField label={`Group ${i + 1} name prefix`} problem={problems.get(`siteGroups.${i}.name`)} hint={`defaults to "${g.role}"`}>
                {(a) => <input {...a} value={g.name} onChange={(e) => setGroup(i, { name: e.target.value })} />}
              </WizardField>
              <WizardField
                label={`Group ${i + 1} explicit sites`}
                problem={problemsUnder(problems, `siteGroups.${i}.sites`)[0]}
                hint="one per line: Name or Name, region"
              >
                {(a) => <textarea {...a} rows={2} value={g.sites} onChange={(e) => setGroup(i, { sites: e.target.value })} />}
              </WizardField>
            </div>
            {groupProblem !== undefined && <p className="problem">{groupProblem}</p>}
            <button type="button" onClick={() => update({ ...draft, groups: draft.groups.filter((_, k) => k !== i) })} disabled={draft.groups.length === 1} aria-label={`Remove site group ${i + 1}`}>
              Remove group
            </button>
          </fieldset>
        );
      })}
      <button type="button" onClick={() => update({ ...draft, groups: [...draft.groups, newGroup('branch', regions[0] ?? 'emea')] })}>
        + Add site group
      </button>
    </>
  );
}
