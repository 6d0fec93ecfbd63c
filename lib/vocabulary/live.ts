/** The live vocabulary the browser loads at once, without zod; `lib/live.ts` (the contract) re-exports it. */
import type { ActivityAction, ActivityEntity } from "./activity";

/**
 * The live workspace's vocabulary, shared by the server and the browser: the case sections, which
 * section each kind of activity belongs to (unread counts) and which sections show it (refresh on a
 * live event), and what a live event carries. Touch it when a section or an activity entity is added.
 */

/** In navigation order; `self-check` is reached from the overview and the checklist, not the nav. */
export const CASE_SECTIONS = [
  "overview",
  "self-check",
  "checklist",
  "tasks",
  "questions",
  "records",
  "health",
  "notes",
  "opinions",
  "compare",
  "decide",
  "talking",
  "sharing",
] as const;

export type CaseSection = (typeof CASE_SECTIONS)[number];

/** The one section where an entity's activity counts as new (unread badges). */
export const ENTITY_SECTION: Record<ActivityEntity, CaseSection> = {
  case: "overview",
  member: "sharing",
  invitation: "sharing",
  question: "questions",
  record: "records",
  file: "records",
  medication: "health",
  allergy: "health",
  procedure: "health",
  note: "notes",
  opinion: "opinions",
  comparison: "compare",
  reflection: "decide",
  decision: "decide",
  self_check: "self-check",
  checklist: "checklist",
  task: "tasks",
};

/**
 * Every section whose page shows something of this entity, so an event refreshes the page on screen
 * only when it matters. The overview (the feed) and the checklist (ticked from everything) are affected
 * by every event; the case and its members are in the workspace header, so they affect every page.
 */
const ALSO_SHOWN_ON: Partial<Record<ActivityEntity, readonly CaseSection[] | "all">> = {
  case: "all",
  member: "all",
  // Tasks name what they are about, and records, opinions and the decision make suggestions.
  question: ["opinions", "compare", "tasks"],
  record: ["tasks"],
  note: ["opinions"],
  opinion: ["compare", "decide", "questions", "notes", "tasks"],
  decision: ["tasks"],
};

export function eventAffects(entityType: ActivityEntity, section: CaseSection): boolean {
  // The overview shows the feed and the checklist ticks itself from every other section.
  if (section === "overview" || section === "checklist" || ENTITY_SECTION[entityType] === section) return true;
  const also = ALSO_SHOWN_ON[entityType];
  return also === "all" || (also?.includes(section) ?? false);
}

/** The section a workspace path shows (`/cases/<id>/records/letter` → records). */
export function sectionFromPath(pathname: string, caseId: string): CaseSection | null {
  const base = `/cases/${caseId}`;
  if (pathname === base) return "overview";
  if (!pathname.startsWith(`${base}/`)) return null;
  const first = pathname.slice(base.length + 1).split("/")[0] as CaseSection;
  return (CASE_SECTIONS as readonly string[]).includes(first) && first !== "overview" ? first : null;
}

/** What a live subscriber receives about a change: who did what to which item — never its content. */
export interface LiveChange {
  kind: "change";
  caseId: string;
  activityId: string;
  action: ActivityAction;
  entityType: ActivityEntity;
  entityId: string | null;
  actor: { id: string | null; name: string | null };
}

/** Someone else (`userId`) arrived, moved to another section or left: read `live.presence` again. */
export interface LivePresence {
  kind: "presence";
  caseId: string;
  userId: string;
}

/** The first message of every stream: from here on, nothing committed is missed. */
export interface LiveReady {
  kind: "ready";
  caseId: string;
}

export type LiveMessage = LiveReady | LiveChange | LivePresence;
