import type { AdminAuditEvent, App } from '@ixiamen/db';
import type { components } from '../../generated/api-types.js';
import { appView } from '../console/views.js';

type Schemas = components['schemas'];

export const adminAppView = (row: {
  app: App;
  orgName: string;
  ownerName: string | null;
}): Schemas['AdminApp'] => ({
  ...appView(row.app),
  orgName: row.orgName,
  ownerName: row.ownerName ?? '',
});

export const auditEventView = (e: AdminAuditEvent): Schemas['AuditEvent'] => ({
  id: String(e.id),
  at: e.at.toISOString(),
  actor: { accountId: e.actorAccountId, name: e.actorName, via: e.via },
  action: e.action,
  targetType: e.targetType,
  targetId: e.targetId,
  before: e.before,
  after: e.after,
  requestId: e.requestId,
});
