import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from './api/client';

export type Async<T> = { state: 'idle' } | { state: 'loading' } | { state: 'done'; value: T } | { state: 'error'; error: unknown };

/** Codes after which the same request succeeds once the service has finished computing. */
const RETRYABLE = new Set(['ANALYTICS_NOT_READY', 'GRAPH_NOT_READY', 'FLOW_NOT_READY']);
export const RETRY_MS = 3000;

export function isRetryable(err: unknown): err is ApiError {
  return err instanceof ApiError && err.status === 503 && RETRYABLE.has(err.code ?? '');
}

/**
 * Runs `load` whenever `deps` change, aborting the previous run. With `retryWhileComputing`, a 503 saying the
 * service is still computing (ANALYTICS_NOT_READY, GRAPH_NOT_READY) is retried after Retry-After or 3 s, and
 * `retrying` tells the page so it can say "computing".
 */
export function useAsync<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: unknown[],
  opts: { enabled?: boolean; retryWhileComputing?: boolean } = {},
): Async<T> & { retrying: number | null } {
  const [result, setResult] = useState<Async<T>>({ state: 'idle' });
  const [retrying, setRetrying] = useState<number | null>(null);
  const loadRef = useRef(load);
  loadRef.current = load;
  const enabled = opts.enabled ?? true;

  useEffect(() => {
    if (!enabled) {
      setResult({ state: 'idle' });
      return;
    }
    const ctrl = new AbortController();
    let timer: number | undefined;
    const run = () => {
      loadRef.current(ctrl.signal).then(
        (value) => {
          if (ctrl.signal.aborted) return;
          setRetrying(null);
          setResult({ state: 'done', value });
        },
        (error: unknown) => {
          if (ctrl.signal.aborted) return;
          if (opts.retryWhileComputing && isRetryable(error)) {
            const wait = Math.min(error.retryAfterMs ?? RETRY_MS, 30_000);
            setRetrying(wait);
            timer = window.setTimeout(run, wait);
            return;
          }
          setRetrying(null);
          setResult({ state: 'error', error });
        },
      );
    };
    setResult({ state: 'loading' });
    setRetrying(null);
    run();
    return () => {
      ctrl.abort();
      window.clearTimeout(timer);
    };
  }, [...deps, enabled]);

  return { ...result, retrying };
}
