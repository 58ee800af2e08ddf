import { adminAuditEvents, type Database } from '@ixiamen/db';
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';

export interface AuditFilter {
  action?: string | undefined;
  targetId?: string | undefined;
  /** Only events older than this id (keyset pagination, newest first). */
  before?: number | undefined;
  limit: number;
}

/** Reads of the append-only admin audit log, newest first. */
export function auditLog(db: Database) {
  return {
    list(filter: AuditFilter) {
      const where: SQL[] = [];
      if (filter.action) where.push(eq(adminAuditEvents.action, filter.action));
      if (filter.targetId) where.push(eq(adminAuditEvents.targetId, filter.targetId));
      if (filter.before !== undefined) where.push(lt(adminAuditEvents.id, filter.before));
      return db
        .select()
        .from(adminAuditEvents)
        .where(and(...where))
        .orderBy(desc(adminAuditEvents.id))
        .limit(filter.limit + 1);
    },
  };
}
