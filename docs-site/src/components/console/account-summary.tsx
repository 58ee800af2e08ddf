import Translate from '@docusaurus/Translate';
import { useAction } from '@site/src/console/use-action';
import type { Session } from '@site/src/console/use-session';
import type { ReactNode } from 'react';
import styles from './console.module.css';
import { ProblemAlert } from './problem-alert';
import { roleLabel } from './role-label';

/** Who is signed in, as the identity service vouched for it, and the way out. */
export function AccountSummary({ session }: { session: Session }): ReactNode {
  const { account } = session.me;
  const { busy, problem, run } = useAction();
  async function signOut() {
    // Afterwards the session is gone, so reading it again shows the signed-out page.
    if ((await run(() => session.api.signOut())).ok) await session.refresh();
  }
  return (
    <div className="card shadow--sm">
      <div className="card__body">
        {problem && <ProblemAlert problem={problem} />}
        <div className={styles.sectionHeader}>
          <div>
            <h2 className="margin-bottom--sm" data-testid="account-name">
              {account.name}
            </h2>
            <span className={styles.badges}>
              {account.roles.map((role) => (
                <span key={role} className="badge badge--secondary">
                  {roleLabel(role)}
                </span>
              ))}
            </span>
            {account.idNumberMasked && (
              <p className={styles.hint}>
                <Translate id="console.account.idNumber" values={{ idNumber: account.idNumberMasked }}>
                  {'身份证号：{idNumber}'}
                </Translate>
              </p>
            )}
          </div>
          <button
            type="button"
            className="button button--outline button--secondary"
            data-testid="sign-out"
            disabled={busy}
            onClick={signOut}
          >
            <Translate id="console.account.signOut">退出登录</Translate>
          </button>
        </div>
      </div>
    </div>
  );
}
