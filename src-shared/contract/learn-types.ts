import type { Calibrated } from '../learn/calibration';
import type { LearntEffect } from '../learn/effects';
import type { SkippedFamilyShape, VerifiedOption } from '../learn/options';
import type { Recommendation } from '../learn/recommend';
import type { WhatItWouldTake } from '../learn/relaxation';
import type { AuditEntry, OptimisationEntry } from '../model/records';

/**
 * Learning, optimisation, audit and report values as they cross the
 * boundary. Main's own types are checked against these where it returns them.
 */
export interface RecommendResultShape extends Recommendation {
  recordId: string | null;
  paretoFront?: { family: string; seed: number }[];
  /** Verified only: what it would take when no option meets the intent (learn/relaxation.ts); null when one does. */
  relaxations?: WhatItWouldTake | null;
}

/**
 * What a recommend:verified job streams in its progress events (`partial`):
 * every verified option so far in the order they landed, and the families
 * left out so far. The final, exactly ranked answer is the job's value.
 */
export interface RecommendPartialShape {
  verified: VerifiedOption[];
  skipped: SkippedFamilyShape[];
}

export type OptimisationEntryShape = OptimisationEntry;

export interface OptimiseRunResultShape {
  steps: OptimisationEntryShape[];
  /** The design's revision after the auto-approved steps. */
  revision: number;
  stoppedFor: 'approval' | 'nothing-to-improve' | 'max-steps';
}

export interface OutcomeImportResultShape {
  imported: number;
  rows: { design: string; metric: string; predicted: number | null; actual: number; errorPct: number | null }[];
  mapePct: Partial<Record<string, number>>;
}

/** learn:effects: every learnt effect with its evidence and switch, and the figures the switched-on calibrations change. */
export interface LearntEffectsShape {
  effects: LearntEffect[];
  calibrated: { designId: string; name: string; what: string; raw: number; calibrated: Calibrated; unit: string; applied: string[] }[];
}

export type AuditEntryShape = AuditEntry;

export type ReportOutputShape =
  | { format: 'html'; fileName: string; html: string }
  | { format: 'pdf'; fileName: string; path: string; bytes: number }
  /** The PDF itself, for a browser tab to download (the browser app cannot open a file the host wrote). */
  | { format: 'pdf-data'; fileName: string; base64: string; bytes: number };
