import Translate from '@docusaurus/Translate';
import type { Session } from '@site/src/console/use-session';
import type { ReactNode } from 'react';
import { ConsolePage } from '../console-page';
import { AdminNav } from './admin-nav';

interface Props {
  title: string;
  description: string;
  /** The admin overview itself; the other admin pages get a breadcrumb back to it. */
  overview?: boolean;
  children: (session: Session) => ReactNode;
}

/**
 * The frame of the admin pages. It does not check the account's roles itself: the admin API
 * answers 403 to everybody else, and the pages show that answer.
 */
export function AdminPage({ title, description, overview = false, children }: Props): ReactNode {
  const parents = overview
    ? []
    : [{ to: '/console/admin', label: <Translate id="console.admin.title">平台管理</Translate> }];
  return (
    <ConsolePage nested title={title} description={description} parents={parents}>
      {(session) => (
        <>
          <AdminNav />
          {children(session)}
        </>
      )}
    </ConsolePage>
  );
}
