import { useCallback, useEffect, useRef, useState } from 'react';
import { type Problem, toProblem } from './problem';
import type { Page } from './product-types';

export interface Paged<T> {
  /** Undefined until the first page is there. */
  items: T[] | undefined;
  problem: Problem | undefined;
  hasMore: boolean;
  loadingMore: boolean;
  more: () => Promise<void>;
  /** Reads the first page again, e.g. after a change. */
  reload: () => Promise<void>;
}

/**
 * A cursor-paginated list: the first page once mounted (and again whenever `load` changes, e.g.
 * with a filter), further pages on `more`. `load` must be memoised.
 */
export function usePaged<T>(load: (cursor?: string) => Promise<Page<T>>): Paged<T> {
  const [items, setItems] = useState<T[]>();
  const [next, setNext] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem>();
  const [loadingMore, setLoadingMore] = useState(false);
  // An answer to an older `load` (a filter since changed) must not overwrite a newer one.
  const generation = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const page = await load();
      if (mine !== generation.current) return;
      setItems(page.data);
      setNext(page.nextCursor);
      setProblem(undefined);
    } catch (err) {
      if (mine === generation.current) setProblem(toProblem(err));
    }
  }, [load]);

  const more = useCallback(async () => {
    if (next === null) return;
    const mine = generation.current;
    setLoadingMore(true);
    try {
      const page = await load(next);
      if (mine !== generation.current) return;
      setItems((current) => [...(current ?? []), ...page.data]);
      setNext(page.nextCursor);
      setProblem(undefined);
    } catch (err) {
      setProblem(toProblem(err));
    } finally {
      setLoadingMore(false);
    }
  }, [load, next]);

  useEffect(() => {
    void reload();
  }, [reload]);
  return { items, problem, hasMore: next !== null, loadingMore, more, reload };
}
