import { useCallback } from 'react';
import { DesignCanvas } from '../../canvas/DesignCanvas';
import { useSession } from '../../state/session';
import { JobBar } from '../../ui/JobBar';
import { DesignList } from './DesignList';
import { IntentQuickForm } from './IntentQuickForm';

/** The open project: intent, designs, and the selected design on the canvas. */
export function ProjectView() {
  const project = useSession((s) => s.project)!;
  const selected = useSession((s) => s.selectedDesignId);
  const job = useSession((s) => s.job);
  const close = useSession((s) => s.closeProject);
  const setError = useSession((s) => s.setError);
  const onError = useCallback((m: string) => setError(m), [setError]);
  return (
    <div className="workspace">
      <header className="topbar">
        <button type="button" onClick={close} aria-label="Back to projects">
          ← Projects
        </button>
        <h1 className="topbar__title">{project.name}</h1>
        {project.readOnly && <span className="badge">read-only</span>}
        {job !== null && <JobBar label={job.label} done={job.done} total={job.total} onCancel={job.cancel} />}
      </header>
      <aside className="sidebar">
        <IntentQuickForm projectId={project.id} />
        <h2>Designs</h2>
        <DesignList />
      </aside>
      <section className="main-area" aria-label="Canvas area">
        {selected === null ? (
          <div className="empty">Generate a design to see it here.</div>
        ) : (
          <DesignCanvas key={selected} projectId={project.id} designId={selected} readOnly={project.readOnly} onError={onError} />
        )}
      </section>
    </div>
  );
}
