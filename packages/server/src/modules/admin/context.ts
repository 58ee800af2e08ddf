import { credentialEvents, type Database } from '@ixiamen/db';
import type { FeedEvent } from '../../platform/auth/credential-feed.js';
import { type Actor, type AuditEntry, writeAudit } from './audit.js';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

export interface AdminContext {
  db: Database;
  /** Makes feed events appended by a change take effect now: a Redis nudge to every instance, when Redis is configured. */
  nudge: () => Promise<void>;
}

export interface Change<T> {
  result: T;
  audit: AuditEntry;
  /** What every instance must drop from its caches: apps, keys, token families, products. */
  events?: FeedEvent[];
}

/**
 * Runs an admin change, its audit row and its feed events in one transaction, so a change is
 * never made without its record, and instances learn of it as soon as it commits.
 */
export async function audited<T>(ctx: AdminContext, actor: Actor, change: (tx: Tx) => Promise<Change<T>>) {
  const done = await ctx.db.transaction(async (tx) => {
    const out = await change(tx);
    await writeAudit(tx, actor, out.audit);
    if (out.events?.length) await tx.insert(credentialEvents).values(out.events);
    return out;
  });
  if (done.events?.length) await ctx.nudge();
  return done.result;
}
