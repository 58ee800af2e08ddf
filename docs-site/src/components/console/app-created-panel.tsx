import Link from '@docusaurus/Link';
import Translate from '@docusaurus/Translate';
import type { AppCreated } from '@site/src/console/types';
import type { ReactNode } from 'react';
import { ClientIdDetail } from './client-id-detail';
import styles from './console.module.css';
import { OneTimeSecret } from './one-time-secret';

/** The app's credentials right after registration: the only time its client secret is shown. */
export function AppCreatedPanel({ created }: { created: AppCreated }): ReactNode {
  const { app, clientSecret } = created;
  return (
    <div data-testid="app-created">
      <div className="alert alert--success margin-bottom--md" role="status">
        <Translate id="console.app.created" values={{ name: <strong>{app.name}</strong> }}>
          {'应用 {name} 已注册。'}
        </Translate>{' '}
        {app.status === 'pending_approval' && (
          <Translate id="console.app.createdPending">
            生产应用需等待平台管理员审核，审核通过前无法获取令牌。
          </Translate>
        )}
      </div>
      <dl className={styles.details}>
        <ClientIdDetail clientId={app.clientId} />
      </dl>
      {clientSecret ? (
        <OneTimeSecret
          label={<Translate id="console.app.clientSecret">客户端密钥 client_secret</Translate>}
          value={clientSecret}
          testId="client-secret"
          copyTestId="copy-secret"
        />
      ) : (
        <p className="margin-vert--md">
          <Translate id="console.app.publicNoSecret">
            公开客户端没有客户端密钥：请使用授权码模式加 PKCE 获取令牌。
          </Translate>
        </p>
      )}
      <Link
        className="button button--primary"
        to={`/console/app?id=${encodeURIComponent(app.id)}`}
        data-testid="open-app"
      >
        <Translate id="console.app.open">前往应用详情</Translate>
      </Link>
    </div>
  );
}
