import Translate, { translate } from '@docusaurus/Translate';
import type { App, Org } from '@site/src/console/types';
import { useFormatDate } from '@site/src/console/use-format-date';
import type { ReactNode } from 'react';
import { clientTypeLabel, environmentLabel, productLabel } from './app-labels';
import { AppStatusBadge } from './app-status-badge';
import { ClientIdDetail } from './client-id-detail';
import styles from './console.module.css';
import { Detail } from './detail';

/** What the platform knows about an app, read-only. */
export function AppSummary({ app, org }: { app: App; org: Org | undefined }): ReactNode {
  const formatDate = useFormatDate();
  return (
    <div className="card shadow--sm">
      <div className="card__header">
        <h2 data-testid="app-name">{app.name}</h2>
        <p className="margin-bottom--none">{app.description}</p>
      </div>
      <div className="card__body">
        {app.status === 'pending_approval' && (
          <div className="alert alert--warning margin-bottom--md" role="note">
            <Translate id="console.app.pendingNote">
              该应用正在等待平台管理员审核，审核通过前无法获取令牌。
            </Translate>
          </div>
        )}
        <dl className={styles.details}>
          <ClientIdDetail clientId={app.clientId} />
          <Detail term={<Translate id="console.app.org">发布者组织</Translate>}>
            {org?.name ?? app.orgId}
          </Detail>
          <Detail term={<Translate id="console.app.environment">环境</Translate>}>
            {environmentLabel(app.environment)}
          </Detail>
          <Detail term={<Translate id="console.app.status">状态</Translate>}>
            <AppStatusBadge status={app.status} />
          </Detail>
          <Detail term={<Translate id="console.app.clientType">客户端类型</Translate>}>
            {clientTypeLabel(app.clientType)}
          </Detail>
          <Detail term={<Translate id="console.app.products">使用的 API 产品</Translate>}>
            {app.products
              .map(productLabel)
              .join(translate({ id: 'console.app.productsSeparator', message: '、' })) || '—'}
          </Detail>
          <Detail term={<Translate id="console.app.homepageShown">应用主页</Translate>}>
            {app.homepageUrl ?? '—'}
          </Detail>
          <Detail term={<Translate id="console.app.createdAt">注册时间</Translate>}>
            {formatDate(app.createdAt)}
          </Detail>
          <Detail term={<Translate id="console.app.updatedAt">最近修改</Translate>}>
            {formatDate(app.updatedAt)}
          </Detail>
        </dl>
      </div>
    </div>
  );
}
