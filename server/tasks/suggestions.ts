/**
 * Suggested tasks, worked out from the case on every read like the checklist (docs/decisions/0009,
 * 0036): a shared record still needed, a request unanswered for CHASE_AFTER_DAYS, an opinion with no
 * visit date, an opinion whose coverage is not known yet, a decision made. Private records suggest
 * nothing: a task is seen by every member, and its title would name the record.
 */
import "server-only";
import { and, desc, eq, lte, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { decisions, opinions, records, taskSuggestionsClosed } from "@/db/schema";
import { CHASE_AFTER_DAYS, TASK_SUGGESTION_KINDS, suggestionKey, type TaskSuggestionView } from "@/lib/task";

const DAY_MS = 24 * 60 * 60 * 1000;

/** `now` is the caller's clock, so a test can move it. */
export async function currentSuggestions(db: Db, ctx: { caseId: string }, now: Date): Promise<TaskSuggestionView[]> {
  const { caseId } = ctx;
  const shared = and(eq(records.caseId, caseId), eq(records.private, false));
  const [needed, unanswered, caseOpinions, [decision], closed] = await Promise.all([
    db.select({ id: records.id, title: records.title }).from(records).where(and(shared, eq(records.status, "needed"))).orderBy(records.position),
    db
      .select({ id: records.id, title: records.title })
      .from(records)
      .where(and(shared, eq(records.status, "requested"), lte(records.requestedAt, new Date(now.getTime() - CHASE_AFTER_DAYS * DAY_MS))))
      .orderBy(records.position),
    db.select().from(opinions).where(and(eq(opinions.caseId, caseId), ne(opinions.status, "completed"))).orderBy(opinions.position),
    db.select({ path: decisions.path }).from(decisions).where(eq(decisions.caseId, caseId)).orderBy(desc(decisions.createdAt)).limit(1),
    db.select({ key: taskSuggestionsClosed.key }).from(taskSuggestionsClosed).where(eq(taskSuggestionsClosed.caseId, caseId)),
  ]);
  const all: TaskSuggestionView[] = [
    ...needed.map((r) => ({ key: suggestionKey("request_records", r.id), kind: "request_records" as const, label: r.title, link: { kind: "record" as const, id: r.id } })),
    ...unanswered.map((r) => ({ key: suggestionKey("chase_request", r.id), kind: "chase_request" as const, label: r.title, link: { kind: "record" as const, id: r.id } })),
    ...caseOpinions
      .filter((o) => o.visitAt === null)
      .map((o) => ({ key: suggestionKey("book_visit", o.id), kind: "book_visit" as const, label: o.label, link: { kind: "opinion" as const, id: o.id } })),
    ...caseOpinions
      .filter((o) => o.inNetwork === "unknown" && o.referralNeeded === "unknown" && o.preApprovalNeeded === "unknown" && o.expectedCosts === "")
      .map((o) => ({ key: suggestionKey("call_insurer", o.id), kind: "call_insurer" as const, label: o.label, link: { kind: "opinion" as const, id: o.id } })),
    ...(decision && decision.path !== "still_deciding" ? [{ key: suggestionKey("tell_doctor", null), kind: "tell_doctor" as const, label: null, link: null }] : []),
  ];
  const done = new Set(closed.map((c) => c.key));
  const order = (kind: TaskSuggestionView["kind"]) => TASK_SUGGESTION_KINDS.indexOf(kind);
  return all.filter((s) => !done.has(s.key)).sort((a, b) => order(a.kind) - order(b.kind));
}

