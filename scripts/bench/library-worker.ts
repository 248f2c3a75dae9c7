/**
 * Runs `benchLibrary` in a worker of its own: a fresh V8 isolate, as the background that
 * builds a reader's library index is (see `benchLibrary` for why it matters).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { benchLibrary, type LibraryWorkerData } from './search-bench';

const { root, bundled, articles, bundledIndex } = workerData as LibraryWorkerData;
parentPort!.postMessage(await benchLibrary(root, bundled, articles, bundledIndex));
