import type { Recommendation } from '../learn/recommend';

/**
 * Learning, optimisation, audit and report values as they cross the
 * boundary. Main's own types are checked against these where it returns them.
 */
export interface RecommendResultShape extends Recommendation {
  recordId: string | null;
  paretoFront?: { family: string; seed: number }[];
}

export type OptimizationStatusShape = 'proposed' | 'approved' | 'auto-approved' | 'rejected' | 'undone';

export interface OptimizationEntryShape {
  id: string;
  topologyId: string;
  step: number;
  strategy: string;
  rule: string;
  rationale: string;
  before: unknown;
  after: unknown;
  expected: unknown;
  actual: unknown;
  status: OptimizationStatusShape;
  decidedBy: string | null;
  decisionReason: string | null;
  decidedAt: number | null;
  createdAt: number;
}

export interface OptimizeRunResultShape {
  steps: OptimizationEntryShape[];
  revision: number;
  stoppedFor: string;
}

export interface OutcomeImportResultShape {
  imported: number;
  rows: { design: string; metric: string; predicted: number | null; actual: number; errorPct: number | null }[];
  mapePct: Partial<Record<string, number>>;
}

export interface AuditEntryShape {
  id: number;
  at: number;
  actor: string;
  action: string;
  subject: string | null;
  detail: unknown;
}

export type ReportOutputShape =
  | { format: 'html'; fileName: string; html: string }
  | { format: 'pdf'; fileName: string; path: string; bytes: number };
