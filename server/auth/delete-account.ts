/**
 * Deleting an account, after the person confirms with their password (or, without one, a fresh
 * "confirm it's you"), in one transaction:
 * - cases they own are deleted with everything in them (a "case.deleted" entry first, so live
 *   listeners hear of it);
 * - in cases where they are a supporter or viewer, "left the case" is recorded and the membership ends;
 * - the user row goes, and with it (foreign keys, `on delete cascade`) their sessions — signed out
 *   everywhere — reset tokens and their own reflections. What they wrote in other people's cases
 *   stays, shown as by "a former member" (`author_id` is set to null).
 * The case and account deletions are written to the server log (server/audit-log.ts).
 */
import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { caseMembers, cases, users } from "@/db/schema";
import { messageRef } from "@/lib/i18n/message-ref";
import { recordActivity } from "@/server/activity";
import { logServerEvent } from "@/server/audit-log";
import { confirmPasswordOrProof } from "./confirm-password";

/** The cases the person owns (that deletion would remove), each with how many other people are in it. */
export async function ownedCasesOf(db: Db, userId: string) {
  const owned = await db
    .select({ id: cases.id, title: cases.title })
    .from(caseMembers)
    .innerJoin(cases, eq(cases.id, caseMembers.caseId))
    .where(and(eq(caseMembers.userId, userId), eq(caseMembers.role, "owner")))
    .orderBy(cases.title);
  if (owned.length === 0) return [];
  const members = await db
    .select({ caseId: caseMembers.caseId })
    .from(caseMembers)
    .where(inArray(caseMembers.caseId, owned.map((c) => c.id)));
  return owned.map((c) => ({ ...c, otherMembers: members.filter((m) => m.caseId === c.id).length - 1 }));
}

export async function deleteAccount(
  db: Db,
  session: { userId: string; sessionId: string },
  password: string | undefined,
): Promise<{ deletedCases: number; leftCases: number }> {
  const { userId } = session;
  const user = await confirmPasswordOrProof(db, session, password, {
    field: "password",
    message: messageRef("account.errors.wrongPasswordNothingDeleted"),
    missing: messageRef("signIn.validation.confirmPasswordMissing"),
  });
  const result = await db.transaction(async (tx) => {
    const memberships = await tx
      .select({ id: caseMembers.id, caseId: caseMembers.caseId, role: caseMembers.role })
      .from(caseMembers)
      .where(eq(caseMembers.userId, userId));
    const owned = memberships.filter((m) => m.role === "owner").map((m) => m.caseId);
    const joined = memberships.filter((m) => m.role !== "owner");
    for (const caseId of owned) {
      await recordActivity(tx, { caseId, actorId: userId, action: "case.deleted", entityType: "case", entityId: caseId, summary: messageRef("activity.summaries.caseDeleted") });
    }
    if (owned.length) await tx.delete(cases).where(inArray(cases.id, owned));
    for (const m of joined) {
      // The actor becomes null with the account, so the summary names who left.
      await recordActivity(tx, {
        caseId: m.caseId,
        actorId: userId,
        action: "member.left",
        entityType: "member",
        entityId: m.id,
        summary: messageRef("account.activity.leftAccountDeleted", { name: user.name }),
      });
      await tx.delete(caseMembers).where(and(eq(caseMembers.id, m.id), eq(caseMembers.caseId, m.caseId)));
    }
    await tx.delete(users).where(eq(users.id, userId));
    return { owned, deletedCases: owned.length, leftCases: joined.length };
  });
  for (const caseId of result.owned) logServerEvent("case.deleted", { caseId, reason: "account deleted" });
  logServerEvent("account.deleted", { userId, deletedCases: result.deletedCases, leftCases: result.leftCases });
  return { deletedCases: result.deletedCases, leftCases: result.leftCases };
}
