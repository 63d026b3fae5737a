import { useCallback, useEffect, useMemo, useState } from 'react';
import type { OptimisationEntryShape } from '../../../src-shared/contract/learn-types';
import type { SweepSummaryShape } from '../../../src-shared/contract/sim-types';
import type { DecisionRecord } from '../../../src-shared/model/records';
import { latestDesignChoice } from '../../../src-shared/report/decision';
import { call, transport } from '../../api/client';
import { useSession } from '../../state/session';
import { largeDesignNotice } from '../import';
import { compareRows } from '../compare';
import { ReadOnlyCanvas } from '../../canvas/ReadOnlyCanvas';
import { useDesignMetrics } from '../compare';
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
  const setNotice = useSession((s) => s.setNotice);
  const onError = useCallback((m: string) => setError(m), [setError]);
  const [step, setStep] = useState(0);
  const ids = useMemo(() => designs.slice(0, 9).map((d) => d.id), [designs]);
  // A decision on record wins (the same rule as the decision pack); without one, the design selected is shown as a proposal.
  const [choices, setChoices] = useState<DecisionRecord[]>([]);
  const loadChoices = useCallback(() => {
    call('design:choices', { projectId: project.id }).then(setChoices, () => undefined);
  }, [project.id]);
  useEffect(loadChoices, [loadChoices]);
  const decided = useMemo(() => latestDesignChoice(choices, new Set(designs.map((d) => d.id))), [choices, designs]);
  const chosenId = decided?.subjectId ?? selected ?? ids[0] ?? null;
  const { designs: loaded } = useDesignMetrics(project.id, chosenId !== null && !ids.includes(chosenId) ? [...ids, chosenId] : ids, designs);
  const chosen = loaded?.find((d) => d.record.id === chosenId) ?? null;
  const rows = useMemo(() => (loaded === null ? [] : compareRows(loaded.map((d) => d.metrics))), [loaded]);
  const [decisions, setDecisions] = useState<OptimisationEntryShape[]>([]);
  const [sweep, setSweep] = useState<SweepSummaryShape | null>(null);
  // The board sees what was decided and the last sweep: both are optional evidence.
  useEffect(() => {
    if (chosenId === null) return;
    let alive = true;
    call('optimise:list', { projectId: project.id, designId: chosenId }).then((d) => alive && setDecisions(d), () => undefined);
    call('sim:list', { projectId: project.id, designId: chosenId }).then(
      (l) => {
        const last = [...l].sort((a, b) => b.createdAt - a.createdAt)[0];
        if (alive && last) setSweep(last.summary as SweepSummaryShape);
      },
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [project.id, chosenId]);

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

  const [printing, setPrinting] = useState(false);
  const download = (blob: Blob, fileName: string): void => {
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  const designArg = chosenId !== null ? { designId: chosenId } : {};
  const downloadPack = async (): Promise<void> => {
    try {
      const r = await call('report:generate', { projectId: project.id, ...designArg, format: 'html' });
      if (r.format === 'html') download(new Blob([r.html], { type: 'text/html' }), r.fileName);
    } catch (err) {
      onError((err as Error).message);
    }
  };
  // PDF in every mode: the desktop prints with Electron and saves beside the project; the browser app
  // has the host print it with its Chromium and downloads the bytes.
  const printPack = async (): Promise<void> => {
    setPrinting(true);
    try {
      const r = await call('report:generate', { projectId: project.id, ...designArg, format: 'pdf', deliver: transport === 'http' ? 'data' : 'file' });
      if (r.format === 'pdf-data') {
        const bytes = Uint8Array.from(atob(r.base64), (c) => c.charCodeAt(0));
        download(new Blob([bytes], { type: 'application/pdf' }), r.fileName);
      } else if (r.format === 'pdf') {
        setNotice(`Decision pack saved as ${r.path} (${Math.max(1, Math.round(r.bytes / 1024))} KB).`);
      }
    } catch (err) {
      onError((err as Error).message);
    } finally {
      setPrinting(false);
    }
  };

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
        <button type="button" onClick={() => void downloadPack()} disabled={chosenId === null} aria-label="Download the decision pack (HTML)">
          ⤓ Decision pack (HTML)
        </button>
        <button type="button" onClick={() => void printPack()} disabled={chosenId === null || printing} aria-label="Decision pack as PDF">
          {printing ? 'Printing…' : '⤓ PDF'}
        </button>
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
        ) : title === 'Chosen design' && chosen.tooLarge ? (
          <p role="note" className="present__lead">
            {largeDesignNotice(chosen.metrics.devices, chosen.metrics.links)}
          </p>
        ) : title === 'Chosen design' ? (
          <div className="present__canvas">
            <ReadOnlyCanvas projectId={project.id} designId={chosen.record.id} label={`Canvas of ${chosen.record.name}`} onError={onError} />
          </div>
        ) : title === 'Failure evidence' ? (
          <EvidenceSlide design={chosen} sweep={sweep} />
        ) : title === 'Costs' ? (
          <CostSlide design={chosen} />
        ) : (
          <DecisionSlide
            chosen={chosen}
            all={loaded}
            rows={rows}
            decisions={decisions}
            decided={decided}
            onChoose={async (actor, reason) => {
              await call('design:choose', { projectId: project.id, designId: chosen.record.id, actor, reason });
              loadChoices();
            }}
          />
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
