import Translate, { translate } from '@docusaurus/Translate';
import { consentState } from '@site/src/console/consent-state';
import type { ConsoleApi } from '@site/src/console/console-api';
import type { Consent } from '@site/src/console/types';
import { useAction } from '@site/src/console/use-action';
import { useFormatDate } from '@site/src/console/use-format-date';
import type { ReactNode } from 'react';
import styles from './console.module.css';
import { Detail } from './detail';
import { ProblemAlert } from './problem-alert';
import { scopeLabel } from './scope-label';
import { StatusBadge } from './status-badge';

interface Props {
  api: ConsoleApi;
  consent: Consent;
  onWithdrawn: () => Promise<void>;
}

/** One authorisation a citizen gave: which app, what data, why, until when; withdrawable while live. */
export function ConsentCard({ api, consent, onWithdrawn }: Props): ReactNode {
  const formatDate = useFormatDate();
  const { busy, problem, run } = useAction();
  const state = consentState(consent);

  async function withdraw() {
    const question = translate(
      {
        id: 'console.consent.withdrawConfirm',
        message: '撤回对 {app} 的授权？它将无法再读取你的这些数据，已有的访问令牌在几秒内失效。',
      },
      { app: consent.app.name },
    );
    if (!window.confirm(question)) return;
    if ((await run(() => api.withdrawConsent(consent.id))).ok) await onWithdrawn();
  }

  return (
    <article
      className="card shadow--sm margin-bottom--md"
      data-testid={`consent-${consent.id}`}
      data-state={state}
    >
      <div className="card__header">
        <div className={styles.sectionHeader}>
          <div>
            <h2 className="margin-bottom--none">{consent.app.name}</h2>
            <span className={styles.hint}>
              <Translate id="console.consent.publisher" values={{ publisher: consent.app.publisher }}>
                {'发布者：{publisher}'}
              </Translate>
            </span>
          </div>
          <StatusBadge of="consent" state={state} />
        </div>
      </div>
      <div className="card__body">
        {problem && <ProblemAlert problem={problem} />}
        <dl className={styles.details}>
          <Detail term={<Translate id="console.consent.scopes">授权的数据</Translate>}>
            <ul className="margin-bottom--none">
              {consent.scopes.map((scope) => (
                <li key={scope}>
                  {scopeLabel(scope)} <code>{scope}</code>
                </li>
              ))}
            </ul>
          </Detail>
          <Detail term={<Translate id="console.consent.purpose">使用目的</Translate>}>
            {consent.purpose}
          </Detail>
          <Detail term={<Translate id="console.consent.createdAt">授权时间</Translate>}>
            {formatDate(consent.createdAt)}
          </Detail>
          <Detail term={<Translate id="console.consent.expiresAt">有效期至</Translate>}>
            {formatDate(consent.expiresAt)}
          </Detail>
          {consent.withdrawnAt && (
            <Detail term={<Translate id="console.consent.withdrawnAt">撤回时间</Translate>}>
              {formatDate(consent.withdrawnAt)}
            </Detail>
          )}
        </dl>
      </div>
      {state === 'live' && (
        <div className="card__footer">
          <button
            type="button"
            className="button button--outline button--danger"
            data-testid={`withdraw-${consent.id}`}
            disabled={busy}
            onClick={withdraw}
          >
            <Translate id="console.consent.withdraw">撤回授权</Translate>
          </button>
        </div>
      )}
    </article>
  );
}
