import { QUESTION_GROUPS, SHORT_QUESTION_LIST, type QuestionGroup } from "@/lib/vocabulary/question";
import type { VisitFilter, VisitOption } from "./types";

/** A list long enough to fold: its groups beyond the priorities, and the guide's suggestions. */
export const isLongList = (total: number): boolean => total > SHORT_QUESTION_LIST;

/** What a long list's page shows open when asked (`?open=`): its other groups, and the suggestions. */
export const SUGGESTIONS = "suggested";
export type Openable = QuestionGroup | typeof SUGGESTIONS;
const OPENABLE: readonly Openable[] = [...QUESTION_GROUPS, SUGGESTIONS];

/** The page's `?open=` (comma-separated) as a set: anything else is ignored. */
function openIn(open: string | string[] | null | undefined): Set<Openable> {
  const asked = new Set([open ?? []].flat().flatMap((value) => value.split(",")));
  return new Set(OPENABLE.filter((name) => asked.has(name)));
}

/** What this page's address shows open now (the browser's; a fold's toggle keeps the others' as they are). */
export const openInAddress = (): Set<Openable> => openIn(new URLSearchParams(window.location.search).get("open"));

/**
 * Which of the list's groups the page sends (and shows open): the whole of a short list; of a longer
 * one the priority group and those named in the page's `?open=`. A folded group shows its count until
 * opened: a phone gets, and the server renders, only what is shown.
 */
export function groupsToSend(total: number, open: string | string[] | undefined): QuestionGroup[] {
  if (!isLongList(total)) return [...QUESTION_GROUPS];
  const asked = openIn(open);
  return QUESTION_GROUPS.filter((group) => group === "priority" || asked.has(group));
}

/** Whether the page sends the guide's suggestions (their words and code): always on a short list. */
export const suggestionsSent = (total: number, open: string | string[] | undefined): boolean => !isLongList(total) || openIn(open).has(SUGGESTIONS);

/** The page's `?visit=`: "none", one of the case's visits, or (anything else) every question. */
export function visitFilterFrom(visit: string | string[] | undefined, visits: readonly VisitOption[]): VisitFilter {
  const value = [visit ?? []].flat()[0];
  return value === "none" || visits.some((v) => v.id === value) ? value! : "all";
}

/** The visit filter as `question.list` and `question.summary` take it. */
export const opinionIdFor = (visit: VisitFilter): string | null | undefined => (visit === "all" ? undefined : visit === "none" ? null : visit);

/** The page's search string for what is open (groups, suggestions) and this visit filter. */
export function questionsSearch(open: Iterable<Openable>, visit: VisitFilter): string {
  const openable = new Set(open);
  const params = new URLSearchParams();
  const shown = OPENABLE.filter((name) => name !== "priority" && openable.has(name));
  if (shown.length > 0) params.set("open", shown.join(","));
  if (visit !== "all") params.set("visit", visit);
  const search = params.toString();
  return search ? `?${search.replaceAll("%2C", ",")}` : "";
}
