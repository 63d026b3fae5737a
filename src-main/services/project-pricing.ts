import { costDesign, type CostBreakdown } from '../../src-shared/cost/cost';
import { DEFAULT_PRICE_BOOK, parsePriceBook, type PriceBook } from '../../src-shared/cost/pricebook';
import type { Topology } from '../../src-shared/model/topology';
import type { ProjectFile } from '../store/projectFile';

/** Where a project keeps its own price book (project meta). */
export const PRICE_BOOK_KEY = 'price_book';

/** The project's own price book when it has one (edited by the user), else the default. */
export function projectPriceBook(project: ProjectFile): PriceBook {
  const raw = project.meta.get(PRICE_BOOK_KEY);
  if (raw === undefined) return DEFAULT_PRICE_BOOK;
  const parsed = parsePriceBook(JSON.parse(raw));
  return parsed.ok ? parsed.book : DEFAULT_PRICE_BOOK;
}

/**
 * A changed design's cost through the one cost function (cost/cost.ts) and
 * the project's price book: stored with every revision that can change it
 * (an edit, an applied or undone optimisation step), so the design list,
 * the slides and the decision pack read the same figure.
 */
export function costForProject(project: ProjectFile, t: Topology): CostBreakdown {
  return costDesign(t, projectPriceBook(project));
}
