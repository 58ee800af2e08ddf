import Link from '@docusaurus/Link';
import { useLocation } from '@docusaurus/router';
import { translate } from '@docusaurus/Translate';
import { useBaseUrlUtils } from '@docusaurus/useBaseUrl';
import clsx from 'clsx';
import type { ReactNode } from 'react';
import styles from './admin.module.css';

// Functions, not constants: each translate() call must stay literal for `write-translations`.
const PAGES: [to: string, label: () => string][] = [
  ['/console/admin', () => translate({ id: 'console.admin.nav.overview', message: '平台用量' })],
  [
    '/console/admin/subscriptions',
    () => translate({ id: 'console.admin.nav.subscriptions', message: '订阅审核' }),
  ],
  ['/console/admin/apps', () => translate({ id: 'console.admin.nav.apps', message: '应用管理' })],
  ['/console/admin/catalogue', () => translate({ id: 'console.admin.nav.catalogue', message: '产品与套餐' })],
  ['/console/admin/audit', () => translate({ id: 'console.admin.nav.audit', message: '审计日志' })],
];

/** The admin pages, the current one marked. */
export function AdminNav(): ReactNode {
  const { pathname } = useLocation();
  const { withBaseUrl } = useBaseUrlUtils();
  const here = pathname.replace(/\/+$/, '');
  return (
    <nav
      className={styles.nav}
      aria-label={translate({ id: 'console.admin.nav.label', message: '平台管理' })}
      data-testid="admin-nav"
    >
      <ul className="pills">
        {PAGES.map(([to, label]) => {
          const current = here === withBaseUrl(to);
          return (
            <li key={to} className={clsx('pills__item', current && 'pills__item--active')}>
              <Link to={to} aria-current={current ? 'page' : undefined}>
                {label()}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
