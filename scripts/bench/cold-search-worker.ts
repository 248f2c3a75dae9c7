/**
 * Times one cold search in a worker of its own: a fresh V8 isolate holding the dataset, as a
 * background that has just started (see `coldFirstQuery`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { coldFirstQuery, type ColdSearchData } from './search-bench';

parentPort!.postMessage(coldFirstQuery(workerData as ColdSearchData));
