// Worker entry used when running from source: Node 20's worker threads do not
// apply `--import tsx` from execArgv to the worker's own entry (checked with
// node 20.20 / tsx 4: "Unknown file extension .ts"), so register tsx's loader
// here and then import the TypeScript worker named in workerData.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
