import type { QuestionView } from "@/lib/question";

/** A question's text, shortened for a button's accessible name. */
export function shortText(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** An opinion/visit a question can be for. */
export type VisitOption = { id: string; label: string };

/** "all" visits, questions tied to "none", or one opinion's id. */
export type VisitFilter = "all" | "none" | (string & {});

export function matchesVisit(question: QuestionView, visit: VisitFilter): boolean {
  if (visit === "all") return true;
  if (visit === "none") return question.opinionId === null;
  return question.opinionId === visit;
}
