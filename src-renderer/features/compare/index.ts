/** What other features may use of compare/ (dependency-cruiser rule features-through-index). */
export { CompareView } from './CompareView';
export { compareRows, type CompareRow } from './metrics';
export { useDesignMetrics, type LoadedDesign } from './useDesignMetrics';
