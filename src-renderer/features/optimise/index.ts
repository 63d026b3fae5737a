/** What other features may use of optimise/ (dependency-cruiser rule features-through-index). */
export { OptimiseView } from './OptimiseView';
/** The read-only change canvas: the capacity plan shows a step on it (features/capacity). */
export { DiffCanvas } from './DiffCanvas';
export { diffView } from './diff';
