/** What other features may use of intent/ (dependency-cruiser rule features-through-index). */
export { IntentWizard } from './IntentWizard';
