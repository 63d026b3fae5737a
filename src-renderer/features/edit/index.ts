/** What other features may use of edit/ (dependency-cruiser rule features-through-index). */
export { DesignEditor } from './DesignEditor';
export { ExportMenu } from './ExportMenu';
