import type { ReactNode } from 'react';

interface Props {
  term: ReactNode;
  className?: string;
  children: ReactNode;
}

/** One term and its value in a `styles.details` list, whose grid sets them side by side. */
export function Detail({ term, className, children }: Props): ReactNode {
  return (
    <>
      <dt>{term}</dt>
      <dd className={className}>{children}</dd>
    </>
  );
}
