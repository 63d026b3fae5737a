import { useState, type ChangeEvent } from 'react';
import type { OutcomeImportResultShape } from '../../../src-shared/contract/learn-types';
import { call } from '../../api/client';

/**
 * Feedback from the real network: a CSV or JSON of measured utilisation,
 * latency and incidents per design (outcomes:import), compared with what the
 * twin predicted. Errors name the file and line, next to the picker.
 */
export function OutcomesImport({ projectId, onImported }: { projectId: string; onImported: () => void }) {
  const [result, setResult] = useState<OutcomeImportResultShape | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onFile = async (e: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setBusy(true);
    setProblem(null);
    setResult(null);
    try {
      const r = await call('outcomes:import', { projectId, text: await file.text(), source: file.name });
      setResult(r);
      onImported();
    } catch (err) {
      setProblem((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="outcomes-import">
      <label className="field">
        <span>Import measured outcomes (CSV or JSON: design, metric, value[, unit, measuredAt])</span>
        <input type="file" accept=".csv,.json,text/csv,application/json" disabled={busy} onChange={(e) => void onFile(e)} />
      </label>
      {problem !== null && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
      {result !== null && (
        <p role="status">
          {result.imported} measurement{result.imported === 1 ? '' : 's'} imported
          {Object.entries(result.mapePct).map(([metric, mape]) => (mape === undefined ? '' : ` · ${metric} error ${mape.toFixed(1)} %`))}
        </p>
      )}
    </div>
  );
}
