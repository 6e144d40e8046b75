// The CLI's worker thread. Plain JavaScript because workers do not inherit tsx's loader:
// register it here, then load the TypeScript that does the work.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { pageOutput } = await import('./extract-file.ts');

parentPort.on('message', ({ job }) => {
  parentPort.postMessage({ output: pageOutput(job) });
});
parentPort.postMessage('ready');
