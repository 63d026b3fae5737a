/** What other features may use of whatif/ (dependency-cruiser rule features-through-index). */
export { WhatIfPanel } from './WhatIfPanel';
export { useWhatIf } from './useWhatIf';
