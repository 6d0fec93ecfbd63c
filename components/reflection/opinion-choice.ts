/** An opinion as a reflection names it (who helped most to feel informed and heard). */
export type OpinionChoice = { id: string; label: string; clinician: string };

export function opinionChoiceName(opinion: OpinionChoice): string {
  return opinion.clinician ? `${opinion.label} (${opinion.clinician})` : opinion.label;
}
