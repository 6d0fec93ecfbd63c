import { QUESTION_GROUPS, SHORT_QUESTION_LIST, type QuestionGroup } from "@/lib/vocabulary/question";
import type { VisitFilter, VisitOption } from "./types";

/** A list long enough to fold: its groups beyond the priorities, and the guide's suggestions. */
export const isLongList = (total: number): boolean => total > SHORT_QUESTION_LIST;

/**
 * Which of the list's groups the page sends (and shows open): the whole of a short list; of a longer
 * one the priority group and those named in the page's `?open=` (comma-separated; anything else ignored).
 * A folded group shows its count until opened: a phone gets, and the server renders, only what is shown.
 */
export function groupsToSend(total: number, open: string | string[] | undefined): QuestionGroup[] {
  if (!isLongList(total)) return [...QUESTION_GROUPS];
  const asked = new Set([open ?? []].flat().flatMap((value) => value.split(",")));
  return QUESTION_GROUPS.filter((group) => group === "priority" || asked.has(group));
}

/** The page's `?visit=`: "none", one of the case's visits, or (anything else) every question. */
export function visitFilterFrom(visit: string | string[] | undefined, visits: readonly VisitOption[]): VisitFilter {
  const value = [visit ?? []].flat()[0];
  return value === "none" || visits.some((v) => v.id === value) ? value! : "all";
}

/** The visit filter as `question.list` and `question.summary` take it. */
export const opinionIdFor = (visit: VisitFilter): string | null | undefined => (visit === "all" ? undefined : visit === "none" ? null : visit);

/** The page's search string for these open groups and this visit filter. */
export function questionsSearch(open: Iterable<QuestionGroup>, visit: VisitFilter): string {
  const openable = new Set(open);
  const params = new URLSearchParams();
  const folded = QUESTION_GROUPS.filter((group) => group !== "priority" && openable.has(group));
  if (folded.length > 0) params.set("open", folded.join(","));
  if (visit !== "all") params.set("visit", visit);
  const search = params.toString();
  return search ? `?${search.replaceAll("%2C", ",")}` : "";
}
