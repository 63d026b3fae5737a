import { useEffect } from 'react';
import { onEvent } from './api/client';
import { ProjectView } from './features/design/ProjectView';
import { ProjectPicker } from './features/projects/ProjectPicker';
import { rememberedPlace, useSession } from './state/session';
import { ErrorBanner } from './ui/ErrorBanner';

export function App() {
  const project = useSession((s) => s.project);
  const error = useSession((s) => s.error);
  const setError = useSession((s) => s.setError);
  const openProject = useSession((s) => s.openProject);

  useEffect(() => {
    const place = rememberedPlace();
    if (place !== null) void openProject(place.projectId, place.designId);
  }, [openProject]);

  // The desktop File menu opens projects in main and tells us which.
  useEffect(
    () =>
      onEvent('menu:invoked', (e) => {
        if (e.command === 'open' && e.projectId !== undefined) void openProject(e.projectId);
      }),
    [openProject],
  );

  return (
    <>
      {error !== null && <ErrorBanner message={error} onDismiss={() => setError(null)} />}
      {project === null ? <ProjectPicker /> : <ProjectView />}
    </>
  );
}
