/** What other features may use of learn/ (dependency-cruiser rule features-through-index). */
export { LearnView } from './LearnView';
