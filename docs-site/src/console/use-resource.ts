import { useCallback, useEffect, useState } from 'react';
import { type Problem, toProblem } from './problem';

interface Resource<T> {
  data?: T;
  problem?: Problem;
  reload: () => Promise<void>;
}

/** Data a page loads once mounted; `load` must be memoised, since a new one loads again. */
export function useResource<T>(load: () => Promise<T>): Resource<T> {
  const [data, setData] = useState<T>();
  const [problem, setProblem] = useState<Problem>();
  const reload = useCallback(async () => {
    try {
      setData(await load());
      setProblem(undefined);
    } catch (err) {
      setProblem(toProblem(err));
    }
  }, [load]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, problem, reload };
}
