/** What other features may use of sim/ (dependency-cruiser rule features-through-index). */
export { SweepPanel, SweepSummaryLine, useSweep } from './SweepPanel';
