import Dexie from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export type AsyncState<T> =
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'error'; error: unknown };

const RERUN_AFTER_MS = 50;

/**
 * The extension pages' one way to read data (queries live in ./queries.ts): runs `query` now, again when `deps`
 * change, shortly after Gloss's data changes anywhere (Dexie's "storagemutated" crosses contexts: the background,
 * other windows) and when `reload` is called. Only the latest run's answer is kept. Unlike liveQuery it does not run
 * the query inside Dexie's observation zone, which the library's multi-step search transactions do not tolerate.
 */
export function useQuery<T>(query: () => Promise<T>, deps: unknown[]): [AsyncState<T>, () => void] {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    let latest = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () => {
      const mine = ++latest;
      query().then(
        (value) => live && mine === latest && setState({ status: 'ready', value }),
        (error: unknown) => live && mine === latest && setState({ status: 'error', error }),
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
  }, [...deps, round]);
  return [state, () => setRound((r) => r + 1)];
}
