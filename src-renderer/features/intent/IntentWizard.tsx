import { useEffect, useMemo, useRef, useState } from 'react';
import { TOPOLOGY_FAMILIES } from '../../../src-shared/model/topology';
import { runInJobBar } from '../../state/jobBar';
import { useSession } from '../../state/session';
import { useProjectIntent } from '../../state/useProjectIntent';
import { checkDraft, draftFromIntent, initialDraft, STEPS, stepProblemCount, type IntentDraft } from './intentDraft';
import { ConstraintsStep, RequirementsStep, ReviewStep } from './RequirementSteps';
import { SiteGroupsStep } from './SiteGroupsStep';

/**
 * New designs from intent, in four steps. Every field is checked as it is
 * typed with the shared intent schema; "Generate" makes one design per
 * topology family as a cancellable job. A project that already has an intent
 * opens it here, so changing the budget is one field, not retyping every group.
 */
export function IntentWizard({ projectId }: { projectId: string }) {
  const refreshDesigns = useSession((s) => s.refreshDesigns);
  const selectDesign = useSession((s) => s.selectDesign);
  const setScreen = useSession((s) => s.setScreen);
  const hasDesigns = useSession((s) => s.designs.length > 0);
  const [draft, setDraft] = useState<IntentDraft>(initialDraft);
  const stored = useProjectIntent(projectId);
  // Prefill once, from the stored intent, unless the user has already typed.
  const touched = useRef(false);
  const [from, setFrom] = useState<string | null>(null);
  useEffect(() => {
    if (touched.current || stored.intent === null) return;
    setDraft(draftFromIntent(stored.intent));
    setFrom(stored.intent.name);
  }, [stored.intent]);
  const edit = (d: IntentDraft): void => {
    touched.current = true;
    setDraft(d);
  };
  const [step, setStep] = useState(0);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { intent, problems } = useMemo(() => checkDraft(draft), [draft]);
  const here = STEPS[step]!;
  const hereProblems = stepProblemCount(problems, here.paths);

  const generate = async (): Promise<void> => {
    if (intent === null) return;
    setBusy(true);
    setProblem(null);
    try {
      const made = await runInJobBar('design:generateAll', { projectId, intent }, {
        label: 'Generating all families', total: TOPOLOGY_FAMILIES.length, progressLabel: (m) => `Generating ${m}`,
      });
      await refreshDesigns();
      if (made.length > 0) selectDesign(made[0]!.id);
    } catch (err) {
      setProblem((err as Error).message);
      await refreshDesigns();
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="wizard" aria-labelledby="wizard-title">
      <header className="wizard__header">
        <h1 id="wizard-title">New designs from intent</h1>
        {hasDesigns && (
          <button type="button" onClick={() => setScreen('design')}>
            Back to designs
          </button>
        )}
      </header>
      {from !== null && (
        <p className="muted" role="status">
          Opened with the project's intent “{from}”: change what you need and generate again.{' '}
          <button
            type="button"
            onClick={() => {
              touched.current = true;
              setFrom(null);
              setDraft(initialDraft());
            }}
          >
            Start from a blank intent
          </button>
        </p>
      )}
      <nav aria-label="Wizard steps" className="steps">
        {STEPS.map((s, i) => {
          const n = stepProblemCount(problems, s.paths);
          return (
            <button key={s.id} type="button" aria-current={i === step ? 'step' : undefined} className={i === step ? 'step step--active' : 'step'} onClick={() => setStep(i)}>
              {i + 1}. {s.title}
              {n > 0 && <span className="step__bad" aria-label={`${n} problem(s)`}> {n}</span>}
            </button>
          );
        })}
      </nav>
      <form
        className="card wizard__body"
        aria-label={here.title}
        onSubmit={(e) => {
          e.preventDefault();
          if (step < STEPS.length - 1) setStep(step + 1);
          else void generate();
        }}
      >
        <h2>{here.title}</h2>
        {here.id === 'sites' && <SiteGroupsStep draft={draft} problems={problems} update={edit} />}
        {here.id === 'requirements' && <RequirementsStep draft={draft} problems={problems} update={edit} />}
        {here.id === 'constraints' && <ConstraintsStep draft={draft} problems={problems} update={edit} />}
        {here.id === 'review' && <ReviewStep intent={intent} />}
        {problem !== null && (
          <p className="problem" role="alert">
            {problem}
          </p>
        )}
        <div className="row wizard__nav">
          <button type="button" disabled={step === 0} onClick={() => setStep(step - 1)}>
            Back
          </button>
          {step < STEPS.length - 1 ? (
            <button type="submit" className="primary" disabled={hereProblems > 0}>
              Next
            </button>
          ) : (
            <button type="submit" className="primary" disabled={busy || intent === null}>
              {busy ? 'Generating…' : 'Generate all families'}
            </button>
          )}
        </div>
      </form>
    </main>
  );
}
