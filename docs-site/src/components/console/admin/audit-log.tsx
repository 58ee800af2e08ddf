import Translate from '@docusaurus/Translate';
import { usePaged } from '@site/src/console/use-paged';
import type { Session } from '@site/src/console/use-session';
import { type ReactNode, useCallback } from 'react';
import { Loading } from '../loading';
import { AdminProblemAlert } from './admin-problem-alert';
import { AuditTable } from './audit-table';
import { LoadMoreButton } from './load-more-button';

/** The admins' changes, newest first, a page at a time. */
export function AuditLog({ session }: { session: Session }): ReactNode {
  const { admin } = session;
  const events = usePaged(useCallback((cursor?: string) => admin.listAuditEvents({ cursor }), [admin]));
  if (!events.items) {
    return events.problem ? <AdminProblemAlert problem={events.problem} /> : <Loading />;
  }
  return (
    <>
      {events.problem && <AdminProblemAlert problem={events.problem} />}
      {events.items.length === 0 ? (
        <p>
          <Translate id="console.audit.none">还没有审计记录。</Translate>
        </p>
      ) : (
        <AuditTable events={events.items} />
      )}
      <LoadMoreButton hasMore={events.hasMore} busy={events.loadingMore} onClick={events.more} />
    </>
  );
}
