import { useRef, useState } from 'react';
import { call } from '../../api/client';
import { runJob } from '../../api/jobs';
import { useSession } from '../../state/session';
import { buildExample, EXAMPLES, ExampleCancelled, type Example, type ExampleProgress } from './examples';

const deps = { call, runJob };

/** Start-page card: each example becomes a complete project (designs, sweep, recommendation, decision pack) in one click. */
export function ExampleProjects({ onBuilt }: { onBuilt: () => void }) {
  const openProject = useSession((s) => s.openProject);
  const setNotice = useSession((s) => s.setNotice);
  const [running, setRunning] = useState<Example | null>(null);
  const [progress, setProgress] = useState<ExampleProgress | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  const start = async (ex: Example): Promise<void> => {
    const controller = new AbortController();
    abort.current = controller;
    setRunning(ex);
    setProblem(null);
    setProgress(null);
    try {
      const made = await buildExample(ex, deps, setProgress, controller.signal);
      onBuilt();
      await openProject(made.projectId, made.designId);
      if (made.notes.length > 0) setNotice(`${ex.title}: ${made.notes.join(' ')}`);
    } catch (err) {
      onBuilt();
      setProblem(
        err instanceof ExampleCancelled
          ? `Stopped. The project "Example — ${ex.title}" keeps what was done so far; open it below or build the example again.`
          : `The example could not be built: ${(err as Error).message}`,
      );
    } finally {
      abort.current = null;
      setRunning(null);
      setProgress(null);
    }
  };

  return (
    <section className="card" aria-labelledby="examples">
      <h2 id="examples">Start from an example</h2>
      <p className="muted">
        Each one becomes a complete project in under a minute: every design family generated and validated, the recommended design broken by a
        failure sweep, the families ranked, and a decision pack written — nothing to type.
      </p>
      <ul className="example-list">
        {EXAMPLES.map((ex) => (
          <li key={ex.id}>
            <button type="button" className="project-list__item" disabled={running !== null} onClick={() => void start(ex)} aria-label={`Build example project ${ex.title}`}>
              <strong>{ex.title}</strong>
              <span className="muted">{ex.blurb}</span>
            </button>
          </li>
        ))}
      </ul>
      {running !== null && (
        <div className="example-progress" role="status" aria-live="polite">
          <span>
            {running.title}: step {progress?.step ?? 1} of {progress?.steps ?? '…'} — {progress?.label ?? 'starting'}
            {progress?.done !== undefined && progress.total !== undefined && progress.total > 0 ? ` (${progress.done} of ${progress.total})` : ''}
          </span>
          <progress
            max={1}
            value={progress === null ? 0 : (progress.step - 1 + (progress.total ? (progress.done ?? 0) / progress.total : 0)) / progress.steps}
            aria-label="Example progress"
          />
          <button type="button" onClick={() => abort.current?.abort()}>
            Cancel
          </button>
        </div>
      )}
      {problem !== null && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
