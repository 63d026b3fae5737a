/** What other features may use of cost/ (dependency-cruiser rule features-through-index). */
export { CostPanel } from './CostPanel';
export { PriceBookEditor } from './PriceBookEditor';
export { useProjectPriceBook } from './usePriceBook';
export { useCostCalibration } from './useCalibrations';
