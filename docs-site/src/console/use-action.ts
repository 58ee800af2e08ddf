import { useCallback, useState } from 'react';
import { type Problem, toProblem } from './problem';

type Outcome<T> = { ok: true; value: T } | { ok: false };

/** A button's or form's call: busy while it runs, and the problem if it failed. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const run = useCallback(async <T>(work: () => Promise<T>): Promise<Outcome<T>> => {
    setBusy(true);
    setProblem(undefined);
    try {
      return { ok: true, value: await work() };
    } catch (err) {
      setProblem(toProblem(err));
      return { ok: false };
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, problem, run };
}
