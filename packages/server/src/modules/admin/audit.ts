import { adminAuditEvents, type Database } from '@ixiamen/db';

/** Who acted: a signed-in admin in the console, or an operator at the CLI. */
export interface Actor {
  accountId: string | null;
  name: string;
  via: 'console' | 'cli';
  requestId: string | null;
}

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId: string;
  before: object | null | undefined;
  after: object | null | undefined;
}

// Dates and other values become what JSON makes of them, exactly as the API shows them.
const snapshot = (value: object | null | undefined) =>
  value ? (JSON.parse(JSON.stringify(value)) as Record<string, unknown>) : null;

/** Appends one audit row; call it in the transaction of the change it records. */
export async function writeAudit(tx: Pick<Database, 'insert'>, actor: Actor, entry: AuditEntry) {
  await tx.insert(adminAuditEvents).values({
    actorAccountId: actor.accountId,
    actorName: actor.name,
    via: actor.via,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    before: snapshot(entry.before),
    after: snapshot(entry.after),
    requestId: actor.requestId,
  });
}
