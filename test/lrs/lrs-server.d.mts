export interface RunningLrs {
  /** The xAPI endpoint, ending in `/`. */
  endpoint: string;
  stop(): void;
}
export type Fault = 'ok' | '500' | '503' | '401' | 'drop' | 'lose-response' | 'slow';
export interface FaultProxy {
  endpoint: string;
  /** The fault applied to each request so far (preflights are not counted). */
  seen: Fault[];
  setFaults(next: Fault[]): void;
  close(): Promise<void>;
}
export function startLrs(): Promise<RunningLrs>;
export function faultProxy(target: string, faults?: Fault[]): Promise<FaultProxy>;
export function lrsPlugin(): unknown;
export function cmi5FetchMiddleware(context: unknown, next: () => Promise<unknown>): Promise<unknown>;
