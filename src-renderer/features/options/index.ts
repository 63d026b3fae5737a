/** What other features may use of options/ (dependency-cruiser rule features-through-index). */
export { OptionsView } from './OptionsView';
