import { z } from 'zod';
import { restoreVersioned, type VersionedFormat } from '../lib/versioned';
import { CALIBRATION_LABELS, METHOD_WORDS, type Calibration } from './calibration';
import { COMPARABLE_COST, TIE_TOLERANCE, type FamilyPreference, type StepRulePreference } from './preferences';
import { LARGE_INTENT_SITES, SEARCH_ORDER_ID, type SearchOrderEntry } from './search-order';

/**
 * Learnt effects as every surface lists them (Learn view, `nettwin learn
 * effects`, IPC): what was learnt, in words, from which evidence, whether
 * it is in use, and its switch. Switches are stored per project (project
 * meta EFFECT_SWITCHES_KEY); an effect without a stored switch takes its
 * default: calibrations change figures, so they apply only once someone
 * switches them on; preferences and the search order only order options that
 * are equal on the goal or the order of trying, so they are on until
 * switched off.
 */
export type EffectKind = 'calibration' | 'preference' | 'step-rule' | 'search-order';

export interface EffectEvidence {
  /** What the item is (a design, a decision, an optimiser step, a history sample) and its id. */
  kind: 'design' | 'decision' | 'step' | 'sample';
  id: string;
  text: string;
}

export interface LearntEffect {
  id: string;
  kind: EffectKind;
  title: string;
  /** What was learnt, in words; with too little evidence, how much more is needed. */
  statement: string;
  method: string;
  /** Enough evidence for the effect to act. */
  learnt: boolean;
  enabled: boolean;
  defaultEnabled: boolean;
  /** Who last switched it and when (null: never switched, the default holds). */
  switchedBy: { actor: string; at: number } | null;
  /** What the effect does when on. */
  use: string;
  evidence: EffectEvidence[];
}

export const EFFECT_SWITCHES_KEY = 'learn.effect_switches';
/** An effect id: its kind, then what it is about (an optimiser rule is free text: "cost: remove while HIGH holds"). */
export const EFFECT_ID = /^(calibration|preference|step-rule|search-order)(:[^\p{Cc}]{1,300})?$/u;

const SwitchSchema = z.object({ enabled: z.boolean(), actor: z.string().min(1).max(200), at: z.number().int() });
const SwitchesSchema = z.object({ formatVersion: z.literal(1), switches: z.record(z.string().regex(EFFECT_ID), SwitchSchema) });
export type EffectSwitches = Record<string, z.infer<typeof SwitchSchema>>;
const SWITCHES_FORMAT: VersionedFormat = { what: 'learnt-effect switches', current: 1, migrations: {} };

/** The stored switches (JSON already parsed); an error names `where`. */
export function restoreSwitches(raw: unknown, where: string): EffectSwitches {
  return restoreVersioned(raw, SWITCHES_FORMAT, SwitchesSchema, where).switches;
}

/** The switches as they are written. */
export function storedSwitches(s: EffectSwitches): string {
  return JSON.stringify({ formatVersion: SWITCHES_FORMAT.current, switches: s });
}

const DEFAULT_ON: Record<EffectKind, boolean> = { calibration: false, preference: true, 'step-rule': true, 'search-order': true };

export const isEnabled = (id: string, kind: EffectKind, switches: EffectSwitches): boolean => switches[id]?.enabled ?? DEFAULT_ON[kind];

const usd = (x: number): string => `$${Math.round(x).toLocaleString('en-US')}`;
const day = (t: number): string => new Date(t).toISOString().slice(0, 10);

function figure(metric: Calibration['metric'], x: number): string {
  if (metric === 'capexUsd' || metric === 'mrcUsd' || metric === 'circuitsMonthlyUsd') return usd(x);
  if (metric === 'utilisation') return `${(100 * x).toFixed(1)} %`;
  if (metric === 'latencyMs') return `${x.toFixed(1)} ms`;
  return `${x.toFixed(2)}/yr`;
}

function withSwitch(e: Omit<LearntEffect, 'enabled' | 'defaultEnabled' | 'switchedBy'>, switches: EffectSwitches): LearntEffect {
  const s = switches[e.id];
  return { ...e, enabled: isEnabled(e.id, e.kind, switches), defaultEnabled: DEFAULT_ON[e.kind], switchedBy: s ? { actor: s.actor, at: s.at } : null };
}

export function calibrationEffect(c: Calibration, switches: EffectSwitches): LearntEffect {
  const evidence: EffectEvidence[] = [
    ...c.evidence.map((e) => ({
      kind: 'design' as const,
      id: e.designId,
      text: `${e.designName}: predicted ${figure(c.metric, e.predicted)}, measured ${figure(c.metric, e.measured)} (×${e.ratio.toFixed(3)}; ${e.rows} row${e.rows === 1 ? '' : 's'} from ${e.sources.join(', ')})`,
    })),
    ...c.excluded.map((x) => ({ kind: 'design' as const, id: x.designId, text: `${x.designName}: left out — ${x.reason}` })),
  ];
  return withSwitch(
    {
      id: c.id,
      kind: 'calibration',
      title: `${CALIBRATION_LABELS[c.metric]} calibration`,
      statement: c.statement,
      method: METHOD_WORDS[c.method],
      learnt: c.factor !== null,
      use: c.metric === 'capexUsd' || c.metric === 'mrcUsd' || c.metric === 'circuitsMonthlyUsd'
        ? 'when on, price-book costs of this project\'s designs are shown with the factor applied next to the price-book figure'
        : 'when on, the twin\'s predictions of this figure are shown with the factor applied next to the prediction',
      evidence,
    },
    switches,
  );
}

export function preferenceEffect(p: FamilyPreference, switches: EffectSwitches): LearntEffect {
  return withSwitch(
    {
      id: p.id,
      kind: 'preference',
      title: `Preference: ${p.families.join(' or ')}`,
      statement: p.statement,
      method: `design choices on the decision record against the other designs of the same intent costing within ${Math.round(100 * COMPARABLE_COST)} %; Wilson 95 % interval`,
      learnt: p.preferred !== null,
      use: `orders recommended options only when they are within ${Math.round(100 * TIE_TOLERANCE)} % of each other on the goal`,
      evidence: p.evidence.map((e) => ({
        kind: 'decision' as const,
        id: e.decisionId,
        text:
          `${day(e.at)} ${e.actor} chose ${e.chosen.name} (${e.chosen.family}, ${usd(e.chosen.costUsd)}) over ${e.notChosen.name} (${e.notChosen.family}, ${usd(e.notChosen.costUsd)}, ${(100 * e.costGap).toFixed(1)} % apart)` +
          (e.reason ? `: "${e.reason}"` : '') +
          (e.rejectedBecause ? `; ${e.notChosen.name} rejected: "${e.rejectedBecause}"` : ''),
      })),
    },
    switches,
  );
}

export function stepRuleEffect(r: StepRulePreference, switches: EffectSwitches): LearntEffect {
  return withSwitch(
    {
      id: r.id,
      kind: 'step-rule',
      title: `Optimiser steps "${r.rule}"`,
      statement: r.statement,
      method: 'optimiser steps approved, rejected or undone by a person (not by the policy); Wilson 95 % interval',
      learnt: r.moreNeeded === 0,
      use: `orders optimiser proposals only when they are within ${Math.round(100 * TIE_TOLERANCE)} % of each other on their expected improvement`,
      evidence: r.evidence.map((e) => ({ kind: 'step' as const, id: e.stepId, text: `${day(e.at)} ${e.actor} ${e.status} a step on design ${e.designId}${e.reason ? `: "${e.reason}"` : ''}` })),
    },
    switches,
  );
}

export function searchOrderEffect(order: readonly SearchOrderEntry[], intentName: string | null, historySize: number, switches: EffectSwitches): LearntEffect {
  const head = order.slice(0, 6);
  return withSwitch(
    {
      id: SEARCH_ORDER_ID,
      kind: 'search-order',
      title: 'Search order on large intents',
      statement:
        intentName === null
          ? `History of ${historySize} designs orders which families and variants are tried first on intents of ${LARGE_INTENT_SITES} sites or more; this project has no intent to show it on yet.`
          : `For "${intentName}", history of ${historySize} designs would try first: ${head.map((e) => `${e.family} #${e.variant} (${Math.round(100 * e.rate)} %)`).join(', ')}.`,
      method: 'similar past intents (similarity.ts) per family; a variant\'s own record shrunk towards its family\'s with 2 pseudo-samples',
      learnt: historySize > 0,
      use: `on intents of ${LARGE_INTENT_SITES} sites or more, verified recommendation tries candidates in this order; the ranking itself does not depend on it`,
      evidence: head.flatMap((e) => [
        { kind: 'sample' as const, id: `${e.family}#${e.variant}`, text: e.reason },
        ...e.evidence.slice(0, 3).map((s) => ({ kind: 'sample' as const, id: s.sampleId, text: `${e.family} seed ${s.seed} for "${s.intentName}": ${s.feasible ? 'met' : 'did not meet'} its intent (distance ${s.distance})` })),
      ]),
    },
    switches,
  );
}
