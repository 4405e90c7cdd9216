import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import type { AsyncState } from './useAsync';

/**
 * Subscribes to a Dexie query: the component re-renders whenever the data it
 * read changes, in this window or any other (another tab, the background).
 */
export function useLiveQuery<T>(query: () => Promise<T> | T, deps: unknown[]): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ status: 'ready', value }),
      error: (error: unknown) => setState({ status: 'error', error }),
    });
    return () => subscription.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}
