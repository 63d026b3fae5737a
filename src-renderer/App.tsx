import { useCallback, useEffect } from 'react';
import { keyLabel } from './actions/keys';
import { ACTIONS } from './actions/registry';
import { hasSessionToken, onEvent, SESSION_HELP } from './api/client';
import { ProjectView } from './features/design/ProjectView';
import { ProjectPicker } from './features/projects/ProjectPicker';
import { rememberedPlace, useSession } from './state/session';
import { Banner } from './ui/Banner';
import { ShortcutHelp, type ShortcutRow } from './ui/ShortcutHelp';

const HELP_ROWS: ShortcutRow[] = ACTIONS.map((a) => ({ label: a.label, keys: a.keys.map(keyLabel) }));

export function App() {
  const project = useSession((s) => s.project);
  const error = useSession((s) => s.error);
  const notice = useSession((s) => s.notice);
  const helpOpen = useSession((s) => s.helpOpen);
  const theme = useSession((s) => s.theme);
  const setError = useSession((s) => s.setError);
  const setNotice = useSession((s) => s.setNotice);
  const setHelpOpen = useSession((s) => s.setHelpOpen);
  const openProject = useSession((s) => s.openProject);

  useEffect(() => {
    const place = rememberedPlace();
    if (place !== null) void openProject(place.projectId, place.designId);
  }, [openProject]);

  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
  }, [theme]);

  // The desktop File menu opens projects in main and tells us which.
  useEffect(
    () =>
      onEvent('menu:invoked', (e) => {
        if (e.command === 'open' && e.projectId !== undefined) void openProject(e.projectId);
      }),
    [openProject],
  );

  // "?" opens the help anywhere (the design editor binds it too, with the other actions).
  useEffect(() => {
    if (project !== null) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === '?' && !(e.target instanceof HTMLInputElement)) setHelpOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [project, setHelpOpen]);
  const closeHelp = useCallback(() => setHelpOpen(false), [setHelpOpen]);

  if (!hasSessionToken()) {
    return (
      <main className="picker" aria-labelledby="no-session">
        <header className="picker__header">
          <h1 id="no-session">NetTwin</h1>
        </header>
        <section className="card" role="alert">
          <p>{SESSION_HELP}</p>
        </section>
      </main>
    );
  }

  return (
    <>
      {error !== null && <Banner tone="error" message={error} onDismiss={() => setError(null)} />}
      {notice !== null && <Banner tone="notice" message={notice} onDismiss={() => setNotice(null)} />}
      {project === null ? <ProjectPicker /> : <ProjectView />}
      {helpOpen && <ShortcutHelp rows={HELP_ROWS} onClose={closeHelp} />}
    </>
  );
}
