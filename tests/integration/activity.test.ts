import { count, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/server/database/factories";
import { activity, cases } from "@/db/schema";
import { CASE_EVENTS_CHANNEL, recordActivity, type CaseEvent } from "@/server/activity";
import { callerFor } from "../support/callers";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.cleanup());
afterEach(async () => {
  await database.db.execute(sql`drop trigger if exists fail_activity on activity`);
});

const details = { patientName: "Lee", title: "Cardiology", understanding: "", decision: "", urgent: false };

describe("the activity spine", () => {
  it("a forced failure while writing the activity row leaves neither the change nor the row", async () => {
    const owner = await createUser(database.db);
    const caller = await callerFor(database.db, owner);
    const { id: caseId } = await caller.case.create(details);
    await database.db.execute(sql`
      create or replace function fail_activity() returns trigger language plpgsql as $$
      begin raise exception 'forced failure'; end $$`);
    await database.db.execute(sql`create trigger fail_activity before insert on activity for each row execute function fail_activity()`);

    await expect(caller.case.update({ caseId, ...details, title: "Changed", version: 1 })).rejects.toMatchObject({
      code: "INTERNAL_SERVER_ERROR",
    });
    const [row] = await database.db.select({ title: cases.title, version: cases.version }).from(cases).where(eq(cases.id, caseId));
    expect(row).toEqual({ title: "Cardiology", version: 1 });
    const [n] = await database.db.select({ n: count() }).from(activity).where(eq(activity.caseId, caseId));
    expect(n?.n).toBe(1); // only "case.created"
  });

  it("announces committed changes on case_events (ids only), and never a rolled-back one", async () => {
    const owner = await createUser(database.db);
    const caller = await callerFor(database.db, owner);
    const { id: caseId } = await caller.case.create(details);
    const events: CaseEvent[] = [];
    let notify: () => void = () => {};
    const unlisten = await database.listen(CASE_EVENTS_CHANNEL, (payload) => {
      events.push(JSON.parse(payload) as CaseEvent);
      notify();
    });
    try {
      await database.db
        .transaction(async (tx) => {
          await recordActivity(tx, {
            caseId,
            actorId: owner.id,
            action: "case.updated",
            entityType: "case",
            entityId: caseId,
            summary: "rolled back",
          });
          throw new Error("roll back");
        })
        .catch(() => {});
      const arrived = new Promise<void>((resolve) => (notify = resolve));
      await caller.case.setArchived({ caseId, archived: true });
      await arrived;
      // Notifications arrive in commit order: had the rolled-back one been sent, it would be first.
      expect(events).toHaveLength(1);
      expect(events[0]).toEqual({
        caseId,
        activityId: expect.any(String),
        actorId: owner.id,
        action: "case.archived",
        entityType: "case",
        entityId: caseId,
        visibility: "members",
        createdAt: expect.any(String),
      });
    } finally {
      await unlisten();
    }
  });
});
