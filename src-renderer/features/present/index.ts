/** What other features may use of present/ (dependency-cruiser rule features-through-index). */
export { PresentView } from './PresentView';
