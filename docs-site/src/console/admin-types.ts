// The admin API's own shapes, as in api-spec/components/schemas (admin-app.yaml, audit-event.yaml…).
import type { App } from './types';

export interface AdminApp extends Omit<App, 'products'> {
  products: string[];
  orgName: string;
  /** Empty if the organisation has no owner. */
  ownerName: string;
}

export interface AdminAppUpdate {
  status: 'active' | 'suspended';
  /** Recorded in the audit log. */
  reason?: string;
}

export interface CredentialRevocation {
  revokedClientSecrets: number;
  revokedApiKeys: number;
  revokedRefreshTokens: number;
}

export interface AuditEvent {
  id: string;
  at: string;
  actor: { accountId: string | null; name: string; via: 'console' | 'cli' };
  /** `<target>.<verb>`, e.g. app.suspend. */
  action: string;
  targetType: string;
  targetId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
}
