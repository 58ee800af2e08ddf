import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../src/index.js';
import { adminAuditEvents } from '../src/schema/index.js';
import { openTestDatabase } from '../src/testing.js';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await openTestDatabase();
  await database.migrate();
  await database.db.insert(adminAuditEvents).values({
    actorName: '王管理',
    via: 'console',
    action: 'app.suspend',
    targetType: 'app',
    targetId: 'a1',
    before: { status: 'active' },
    after: { status: 'suspended' },
  });
});
afterAll(() => database.close());

/** The database's refusal, as drizzle wraps it (the driver's error is the cause). */
async function refusal(query: PromiseLike<unknown>): Promise<string> {
  try {
    await query;
    return 'accepted';
  } catch (e) {
    const err = e as Error & { cause?: Error };
    return `${err.message} ${err.cause?.message ?? ''}`;
  }
}

describe('admin_audit_events is append-only', () => {
  it('happy: rows can be added and read', async () => {
    await database.db.insert(adminAuditEvents).values({
      actorName: 'ops',
      via: 'cli',
      action: 'plan.update',
      targetType: 'plan',
      targetId: 'basic',
    });
    expect(await database.db.select().from(adminAuditEvents)).toHaveLength(2);
  });

  it('security: the role the server uses can neither update, delete nor truncate them', async () => {
    const db = database.db;
    expect(
      await refusal(
        db
          .update(adminAuditEvents)
          .set({ actorName: 'someone else' })
          .where(eq(adminAuditEvents.targetId, 'a1')),
      ),
    ).toMatch(/append-only \(UPDATE refused\)/);
    expect(await refusal(db.delete(adminAuditEvents))).toMatch(/append-only \(DELETE refused\)/);
    expect(await refusal(db.execute(sql`truncate admin_audit_events`))).toMatch(
      /append-only \(TRUNCATE refused\)/,
    );
    const [row] = await db.select().from(adminAuditEvents).where(eq(adminAuditEvents.targetId, 'a1'));
    expect(row?.actorName).toBe('王管理');
  });
});
