import { type Session, useSession } from '@site/src/console/use-session';
import type { ReactNode } from 'react';
import { Loading } from './loading';
import { ProblemAlert } from './problem-alert';
import { SignInPanel } from './sign-in-panel';

/** Renders its content for a signed-in account, and the sign-in panel for everybody else. */
export function SessionGate({ children }: { children: (session: Session) => ReactNode }): ReactNode {
  const state = useSession();
  switch (state.status) {
    case 'loading':
      return <Loading />;
    case 'signed-out':
      return <SignInPanel apiBaseUrl={state.apiBaseUrl} />;
    case 'failed':
      return <ProblemAlert problem={state.problem} />;
    case 'signed-in':
      return children(state.session);
  }
}
