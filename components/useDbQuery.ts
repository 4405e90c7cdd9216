import Dexie from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import type { AsyncState } from './useAsync';

const RERUN_AFTER_MS = 50;

/**
 * Runs a query now and again whenever Gloss's data changes (in this window or
 * another one: Dexie's "storagemutated" event crosses contexts). Unlike
 * liveQuery it does not run the query inside Dexie's observation zone, which
 * the library's multi-step search transactions do not tolerate.
 */
export function useDbQuery<T>(query: () => Promise<T>, deps: unknown[]): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    let round = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () => {
      const mine = ++round;
      query().then(
        (value) => live && mine === round && setState({ status: 'ready', value }),
        (error: unknown) => live && mine === round && setState({ status: 'error', error }),
      );
    };
    const onChange = () => {
      clearTimeout(timer);
      timer = setTimeout(run, RERUN_AFTER_MS);
    };
    run();
    Dexie.on('storagemutated', onChange);
    return () => {
      live = false;
      clearTimeout(timer);
      Dexie.on('storagemutated').unsubscribe(onChange);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}
