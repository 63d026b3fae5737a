/** What other features may use of optimise/ (dependency-cruiser rule features-through-index). */
export { OptimiseView } from './OptimiseView';
