import Link from '@docusaurus/Link';
import Translate, { translate } from '@docusaurus/Translate';
import { AccountSummary } from '@site/src/components/console/account-summary';
import { AppList } from '@site/src/components/console/app-list';
import styles from '@site/src/components/console/console.module.css';
import { ConsolePage } from '@site/src/components/console/console-page';
import { CreateOrgForm } from '@site/src/components/console/create-org-form';
import { OrgList } from '@site/src/components/console/org-list';
import type { Session } from '@site/src/console/use-session';
import type { ReactNode } from 'react';

function Overview({ session }: { session: Session }): ReactNode {
  const { orgs, account } = session.me;
  return (
    <>
      <AccountSummary session={session} />

      {account.roles.includes('admin') && (
        <section className={styles.section}>
          <h2>
            <Translate id="console.overview.admin">平台管理</Translate>
          </h2>
          <p>
            <Translate id="console.overview.adminLead">
              作为平台管理员，查看全平台用量，审核订阅和生产应用，维护 API 产品与套餐，查阅审计日志。
            </Translate>
          </p>
          <Link className="button button--primary" to="/console/admin" data-testid="admin-console">
            <Translate id="console.overview.adminLink">进入平台管理</Translate>
          </Link>
        </section>
      )}

      <section className={styles.section}>
        <div className={styles.sectionHeader}>
          <h2>
            <Translate id="console.overview.apps">我的应用</Translate>
          </h2>
          {orgs.length > 0 && (
            <Link className="button button--primary" to="/console/apps/new" data-testid="new-app">
              <Translate id="console.overview.newApp">注册应用</Translate>
            </Link>
          )}
        </div>
        {orgs.length > 0 ? (
          <AppList api={session.api} />
        ) : (
          <p>
            <Translate id="console.overview.orgFirst">
              应用属于发布者组织。请先在下方创建你的组织，再注册应用。
            </Translate>
          </p>
        )}
      </section>

      <section className={styles.section}>
        <h2>
          <Translate id="console.overview.orgs">发布者组织</Translate>
        </h2>
        {orgs.length > 0 ? (
          <>
            <OrgList orgs={orgs} />
            <details>
              <summary>
                <Translate id="console.overview.anotherOrg">再创建一个组织</Translate>
              </summary>
              <div className="margin-top--md">
                <CreateOrgForm session={session} />
              </div>
            </details>
          </>
        ) : (
          <CreateOrgForm session={session} />
        )}
      </section>

      <section className={styles.section}>
        <h2>
          <Translate id="console.overview.authorizations">我的授权</Translate>
        </h2>
        <p>
          <Translate id="console.overview.authorizationsLead">
            作为市民，查看你允许哪些应用读取你的哪些数据、用于什么目的，并可随时撤回。
          </Translate>
        </p>
        <Link
          className="button button--secondary"
          to="/console/authorizations"
          data-testid="my-authorizations"
        >
          <Translate id="console.overview.authorizationsLink">查看我的授权</Translate>
        </Link>
      </section>
    </>
  );
}

export default function ConsoleOverview(): ReactNode {
  return (
    <ConsolePage
      title={translate({ id: 'console.overview.title', message: '控制台' })}
      description={translate({
        id: 'console.overview.description',
        message: '在 i厦门开放平台控制台注册应用、管理客户端密钥和 API Key，查看和撤回你的授权。',
      })}
    >
      {(session) => <Overview session={session} />}
    </ConsolePage>
  );
}
