import { useCallback } from 'react';
import type { Effect } from '../../actions/types';
import { useSession, type ProjectScreen } from '../../state/session';
import { JobBar } from '../../ui/JobBar';
import { InterruptedJobs } from '../jobs';
import { CompareView } from '../compare';
import { PriceBookEditor } from '../cost';
import { DesignEditor } from '../edit';
import { ImportView } from '../import';
import { LargeDesignNotice } from '../import';
import { tooBigToDraw } from '../import';
import { OptionsView } from '../options';
import { OptimiseView } from '../optimise';
import { CapacityView } from '../capacity';
import { LearnView } from '../learn';
import { IntentWizard } from '../intent';
import { PresentView } from '../present';
import { DesignList } from './DesignList';

const TABS: { screen: ProjectScreen; label: string }[] = [
  { screen: 'design', label: 'Design' },
  { screen: 'wizard', label: 'New from intent' },
  { screen: 'import', label: 'Import' },
  { screen: 'options', label: 'Options' },
  { screen: 'compare', label: 'Compare' },
  { screen: 'optimise', label: 'Optimise' },
  { screen: 'capacity', label: 'Capacity' },
  { screen: 'learn', label: 'Learn' },
  { screen: 'pricebook', label: 'Price book' },
  { screen: 'present', label: 'Present' },
];

/** The open project: designs on the left, the chosen screen on the right. */
export function ProjectView() {
  const project = useSession((s) => s.project)!;
  const selected = useSession((s) => s.selectedDesignId);
  const selectedSummary = useSession((s) => s.designs.find((d) => d.id === s.selectedDesignId));
  const screen = useSession((s) => s.screen);
  const job = useSession((s) => s.job);
  const compareCount = useSession((s) => s.compareIds.length);
  const close = useSession((s) => s.closeProject);
  const setScreen = useSession((s) => s.setScreen);
  const setError = useSession((s) => s.setError);
  const setNotice = useSession((s) => s.setNotice);
  const setHelpOpen = useSession((s) => s.setHelpOpen);
  const refreshDesigns = useSession((s) => s.refreshDesigns);
  const theme = useSession((s) => s.theme);
  const setTheme = useSession((s) => s.setTheme);
  const onError = useCallback((m: string) => setError(m), [setError]);
  const onNotice = useCallback((m: string) => setNotice(m), [setNotice]);
  const onSaved = useCallback(() => void refreshDesigns(), [refreshDesigns]);
  const onAppEffect = useCallback(
    (e: Effect) => {
      if (e === 'help') setHelpOpen(true);
      else if (e === 'compare') setScreen('compare');
      else if (e === 'present') setScreen('present');
    },
    [setHelpOpen, setScreen],
  );

  if (screen === 'present') return <PresentView />;
  return (
    <div className="workspace">
      <header className="topbar">
        <button type="button" onClick={close} aria-label="Back to projects">
          ← Projects
        </button>
        <h1 className="topbar__title">{project.name}</h1>
        {project.readOnly && <span className="badge">read-only</span>}
        <nav className="tabs" aria-label="Project screens">
          {TABS.map((t) => (
            <button
              key={t.screen}
              type="button"
              aria-current={screen === t.screen ? 'page' : undefined}
              className={screen === t.screen ? 'tab tab--active' : 'tab'}
              onClick={() => setScreen(t.screen)}
              disabled={(t.screen === 'wizard' || t.screen === 'import') && project.readOnly}
            >
              {t.label}
              {t.screen === 'compare' && compareCount > 0 ? ` (${compareCount})` : ''}
            </button>
          ))}
        </nav>
        <button type="button" className="topbar__help" onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')} aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}>
          {theme === 'dark' ? '☀' : '☾'}
        </button>
        <button type="button" className="topbar__help" onClick={() => setHelpOpen(true)} aria-label="Keyboard shortcuts">
          ?
        </button>
      </header>
      {job !== null && <JobBar label={job.label} done={job.done} total={job.total} startedAt={job.startedAt} onCancel={job.cancel} />}
      <aside className="sidebar" aria-label="Designs of this project">
        <InterruptedJobs projectId={project.id} />
        <h2>Designs</h2>
        <DesignList />
      </aside>
      <section className="main-area" aria-label="Work area">
        {screen === 'wizard' ? (
          <IntentWizard projectId={project.id} />
        ) : screen === 'import' ? (
          <ImportView projectId={project.id} />
        ) : screen === 'options' ? (
          <OptionsView projectId={project.id} />
        ) : screen === 'learn' ? (
          <LearnView projectId={project.id} />
        ) : screen === 'optimise' ? (
          <OptimiseView projectId={project.id} />
        ) : screen === 'capacity' ? (
          <CapacityView projectId={project.id} />
        ) : screen === 'compare' ? (
          <CompareView projectId={project.id} />
        ) : screen === 'pricebook' ? (
          <PriceBookEditor projectId={project.id} readOnly={project.readOnly} />
        ) : selected === null ? (
          <div className="empty">Generate or import a design to see it here.</div>
        ) : selectedSummary !== undefined && tooBigToDraw(selectedSummary.nodeCount) ? (
          <LargeDesignNotice projectId={project.id} design={selectedSummary} />
        ) : (
          <DesignEditor
            key={selected}
            projectId={project.id}
            designId={selected}
            readOnly={project.readOnly}
            onError={onError}
            onNotice={onNotice}
            onAppEffect={onAppEffect}
            onSaved={onSaved}
          />
        )}
      </section>
    </div>
  );
}
