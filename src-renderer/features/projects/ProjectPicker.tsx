import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ProjectInfo } from '../../../src-shared/model/records';
import { ApiError, call, SESSION_HELP } from '../../api/client';
import { useSession } from '../../state/session';
import { ExampleProjects } from './ExampleProjects';
import { OpenProjectFile } from './OpenProjectFile';

const when = (ms: number): string => new Date(ms).toLocaleString();

/** Start page: build an example, create a project, open a file or a recent project. */
export function ProjectPicker() {
  const openProject = useSession((s) => s.openProject);
  const [projects, setProjects] = useState<ProjectInfo[] | null>(null);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  // The list's own failure shows where the list is (not under "Project name"), and ends "Loading…".
  const [listProblem, setListProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(() => {
    call('project:list', {}).then(
      (list) => {
        setProjects(list);
        setListProblem(null);
      },
      (err: unknown) => setListProblem(err instanceof ApiError && err.code === 'FORBIDDEN' ? SESSION_HELP : `The projects could not be listed: ${(err as Error).message}`),
    );
  }, []);
  useEffect(refresh, [refresh]);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const info = await call('project:create', { name });
      await openProject(info.id);
    } catch (err) {
      setProblem(err instanceof ApiError && err.code === 'FORBIDDEN' ? SESSION_HELP : (err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="picker">
      <header className="picker__header">
        <h1>NetTwin</h1>
        <p>Design-time digital twin of your network: state intent, generate, break, compare, decide.</p>
      </header>
      <ExampleProjects onBuilt={refresh} />
      <section className="card" aria-labelledby="new-project">
        <h2 id="new-project">New project</h2>
        <form onSubmit={create} className="row">
          <label className="field">
            <span>Project name</span>
            <input
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                setProblem(null);
              }}
              placeholder="e.g. Campus refresh 2027"
              aria-invalid={problem !== null}
              aria-describedby={problem !== null ? 'project-problem' : undefined}
              required
              maxLength={120}
            />
          </label>
          <button type="submit" className="primary" disabled={busy || name.trim() === ''}>
            Create project
          </button>
        </form>
        {problem !== null && (
          <p id="project-problem" className="problem" role="alert">
            {problem}
          </p>
        )}
      </section>
      <OpenProjectFile onOpened={refresh} />
      <section className="card" aria-labelledby="recent-projects">
        <h2 id="recent-projects">Recent projects</h2>
        {listProblem !== null ? (
          <div role="alert">
            <p className="problem">{listProblem}</p>
            <button type="button" onClick={refresh}>
              Try again
            </button>
          </div>
        ) : projects === null ? (
          <p className="muted">Loading…</p>
        ) : projects.length === 0 ? (
          <p className="muted">No projects yet. Build an example or create one above.</p>
        ) : (
          <ul className="project-list">
            {projects.map((p) => (
              <li key={p.id}>
                <button type="button" className="project-list__item" onClick={() => void openProject(p.id)} aria-label={`Open project ${p.name}`}>
                  <strong>{p.name}</strong>
                  <span className="muted">
                    {p.designCount} design{p.designCount === 1 ? '' : 's'} · modified {when(p.modifiedAt)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
