/** What other features may use of capacity/ (dependency-cruiser rule features-through-index). */
export { CapacityView } from './CapacityView';
