/** What other features may use of jobs/ (dependency-cruiser rule features-through-index). */
export { InterruptedJobs } from './InterruptedJobs';
