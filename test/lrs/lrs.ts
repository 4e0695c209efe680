/** Starts the real LRS of this folder for a test (see README.md), and the fault proxy: typed re-exports of `lrs-server.mjs`. */
export { faultProxy, startLrs, type Fault, type FaultProxy, type RunningLrs } from './lrs-server.mjs';
