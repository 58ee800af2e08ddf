import type { AppStatus } from '@site/src/console/types';
import type { ReactNode } from 'react';
import { statusLabel } from './app-labels';

const COLOURS: Record<AppStatus, string> = {
  active: 'badge--success',
  pending_approval: 'badge--warning',
  suspended: 'badge--danger',
};

export function AppStatusBadge({ status }: { status: AppStatus }): ReactNode {
  return <span className={`badge ${COLOURS[status] ?? 'badge--secondary'}`}>{statusLabel(status)}</span>;
}
