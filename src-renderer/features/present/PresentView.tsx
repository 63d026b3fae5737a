import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSession } from '../../state/session';
import { compareRows } from '../compare/metrics';
import { ReadOnlyCanvas } from '../compare/ReadOnlyCanvas';
import { useDesignMetrics } from '../compare/useDesignMetrics';
import { CostSlide, DecisionSlide, EvidenceSlide, IntentSlide, OptionsSlide } from './slides';

const STEPS = ['Intent', 'Options', 'Chosen design', 'Failure evidence', 'Costs', 'Decision'] as const;

/**
 * Full-screen presentation for a governance board: large type, high
 * contrast, one idea per slide. ←/→ (or PageUp/PageDown, Space) step,
 * T switches light/dark, Escape leaves.
 */
export function PresentView() {
  const project = useSession((s) => s.project)!;
  const designs = useSession((s) => s.designs);
  const selected = useSession((s) => s.selectedDesignId);
  const theme = useSession((s) => s.theme);
  const setTheme = useSession((s) => s.setTheme);
  const setScreen = useSession((s) => s.setScreen);
  const setError = useSession((s) => s.setError);
  const onError = useCallback((m: string) => setError(m), [setError]);
  const [step, setStep] = useState(0);
  const ids = useMemo(() => designs.slice(0, 9).map((d) => d.id), [designs]);
  const chosenId = selected ?? ids[0] ?? null;
  const { designs: loaded } = useDesignMetrics(project.id, chosenId !== null && !ids.includes(chosenId) ? [...ids, chosenId] : ids);
  const chosen = loaded?.find((d) => d.record.id === chosenId) ?? null;
  const rows = useMemo(() => (loaded === null ? [] : compareRows(loaded.map((d) => d.metrics))), [loaded]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'ArrowRight' || e.key === 'PageDown' || e.key === ' ') setStep((s) => Math.min(STEPS.length - 1, s + 1));
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') setStep((s) => Math.max(0, s - 1));
      else if (e.key === 'Escape') setScreen('design');
      else if (e.key === 't' || e.key === 'T') setTheme(theme === 'dark' ? 'light' : 'dark');
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setScreen, setTheme, theme]);

  const title = STEPS[step]!;
  return (
    <div className={`present present--${theme}`} role="region" aria-label="Presentation" aria-roledescription="slide deck">
      <header className="present__bar">
        <span className="present__project">{project.name}</span>
        <nav aria-label="Slides" className="present__dots">
          {STEPS.map((s, i) => (
            <button key={s} type="button" aria-current={i === step ? 'step' : undefined} onClick={() => setStep(i)} aria-label={`Slide ${i + 1}: ${s}`}>
              {i + 1}
            </button>
          ))}
        </nav>
        <button type="button" onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')} aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}>
          {theme === 'dark' ? '☀ Light' : '☾ Dark'}
        </button>
        <button type="button" onClick={() => setScreen('design')} aria-label="Leave presentation">
          ✕ Exit
        </button>
      </header>
      <main className="present__slide" aria-live="polite" aria-label={`Slide ${step + 1} of ${STEPS.length}: ${title}`}>
        <h1>{title}</h1>
        {loaded === null || chosen === null ? (
          <p>{designs.length === 0 ? 'This project has no designs yet.' : 'Preparing…'}</p>
        ) : title === 'Intent' ? (
          <IntentSlide intent={chosen.intent} design={chosen} />
        ) : title === 'Options' ? (
          <OptionsSlide designs={loaded} chosenId={chosen.record.id} />
        ) : title === 'Chosen design' ? (
          <div className="present__canvas">
            <ReadOnlyCanvas projectId={project.id} designId={chosen.record.id} label={`Canvas of ${chosen.record.name}`} onError={onError} />
          </div>
        ) : title === 'Failure evidence' ? (
          <EvidenceSlide design={chosen} />
        ) : title === 'Costs' ? (
          <CostSlide design={chosen} />
        ) : (
          <DecisionSlide chosen={chosen} all={loaded} rows={rows} />
        )}
      </main>
      <footer className="present__nav">
        <button type="button" onClick={() => setStep(Math.max(0, step - 1))} disabled={step === 0} aria-label="Previous slide">
          ← Previous
        </button>
        <span>
          {step + 1} / {STEPS.length}
        </span>
        <button type="button" onClick={() => setStep(Math.min(STEPS.length - 1, step + 1))} disabled={step === STEPS.length - 1} aria-label="Next slide">
          Next →
        </button>
      </footer>
    </div>
  );
}
