import type { Problem } from '@site/src/console/problem';
import type { ReactNode } from 'react';
import { ProblemAlert } from '../problem-alert';
import { AdminProblemAlert } from './admin-problem-alert';

interface Props {
  problem: Problem;
  /** What a conflict (409) means for the change that was tried, said before the API's own words. */
  conflict: ReactNode;
}

/** A catalogue change that failed; a 409 is explained, since the admin can act on it. */
export function CatalogueProblemAlert({ problem, conflict }: Props): ReactNode {
  if (problem.status !== 409) return <AdminProblemAlert problem={problem} />;
  return (
    <>
      <div className="alert alert--warning margin-bottom--md" role="alert" data-testid="conflict">
        {conflict}
      </div>
      <ProblemAlert problem={problem} />
    </>
  );
}
