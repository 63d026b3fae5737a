/** What other features may use of import/ (dependency-cruiser rule features-through-index). */
export { ImportView } from './ImportView';
export { LargeDesignNotice } from './LargeDesignNotice';
export { largeDesignNotice, tooBigToDraw } from './limits';
