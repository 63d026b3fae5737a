import { useState, type FormEvent } from 'react';
import { IntentSchema, type IntentInput } from '../../../src-shared/model/intent';
import { TOPOLOGY_FAMILIES, type Family } from '../../../src-shared/model/topology';
import { call } from '../../api/client';
import { runJob } from '../../api/jobs';
import type { TopologySummary } from '../../../src-shared/model/records';
import { useSession } from '../../state/session';

/**
 * A first, minimal intent: N sites (one HQ, the rest branches) in one region.
 * Every field is checked with the shared intent schema before anything is sent.
 */
export function IntentQuickForm({ projectId }: { projectId: string }) {
  const refreshDesigns = useSession((s) => s.refreshDesigns);
  const selectDesign = useSession((s) => s.selectDesign);
  const setJob = useSession((s) => s.setJob);
  const setError = useSession((s) => s.setError);
  const [name, setName] = useState('Branch network');
  const [sites, setSites] = useState('8');
  const [family, setFamily] = useState<Family>('hub-spoke');
  const [busy, setBusy] = useState(false);

  const count = Number(sites);
  const intent: IntentInput = {
    name,
    siteGroups: [
      { role: 'hq', count: 1, region: 'default' },
      ...(count > 1 ? [{ role: 'branch' as const, count: count - 1, region: 'default' }] : []),
    ],
  };
  const parsed = IntentSchema.safeParse(intent);
  const siteProblem = !Number.isInteger(count) || count < 2 || count > 5000 ? 'a whole number from 2 to 5000' : null;
  const nameProblem = name.trim() === '' ? 'give the intent a name' : null;
  const invalid = siteProblem !== null || nameProblem !== null || !parsed.success;

  const generate = async (e: FormEvent) => {
    e.preventDefault();
    if (!parsed.success) return;
    setBusy(true);
    try {
      const summary = await call('design:generate', { projectId, intent: parsed.data, family });
      await refreshDesigns();
      selectDesign(summary.id);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const generateAll = async () => {
    if (!parsed.success) return;
    setBusy(true);
    const job = runJob<TopologySummary[]>('design:generateAll', { projectId, intent: parsed.data }, (p) =>
      setJob({ label: `Generating ${p.message}`, done: p.done, total: p.total, cancel: () => void job.cancel() }),
    );
    setJob({ label: 'Generating all families', done: 0, total: TOPOLOGY_FAMILIES.length, cancel: () => void job.cancel() });
    try {
      const made = await job.result;
      await refreshDesigns();
      if (made.length > 0) selectDesign(made[0]!.id);
    } catch (err) {
      setError((err as Error).message);
      await refreshDesigns();
    } finally {
      setJob(null);
      setBusy(false);
    }
  };

  return (
    <form className="intent-form" onSubmit={generate} aria-label="Intent">
      <h2>Intent</h2>
      <label className="field">
        <span>Intent name</span>
        <input value={name} onChange={(e) => setName(e.target.value)} aria-invalid={nameProblem !== null} />
        {nameProblem !== null && <small className="problem">{nameProblem}</small>}
      </label>
      <label className="field">
        <span>Number of sites</span>
        <input type="number" inputMode="numeric" min={2} max={5000} value={sites} onChange={(e) => setSites(e.target.value)} aria-invalid={siteProblem !== null} />
        {siteProblem !== null && <small className="problem">{siteProblem}</small>}
      </label>
      <label className="field">
        <span>Topology family</span>
        <select value={family} onChange={(e) => setFamily(e.target.value as Family)}>
          {TOPOLOGY_FAMILIES.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
      </label>
      <div className="row">
        <button type="submit" className="primary" disabled={busy || invalid}>
          Generate
        </button>
        <button type="button" disabled={busy || invalid} onClick={() => void generateAll()}>
          Generate all families
        </button>
      </div>
    </form>
  );
}
