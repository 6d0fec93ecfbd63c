/**
 * Plain language, measured (issue 16): every message of more than 12 words must read at US grade 8 or
 * below in English (Flesch–Kincaid) and at the equivalent level in Spanish (Fernández Huerta ≥ 60), unless
 * it is listed in tests/unit/readability/exceptions.ts with a reason. Shorter messages (labels, buttons)
 * are not measured: the formulas need a sentence or two to mean anything.
 *
 * Thresholds and their sources:
 * - English: Flesch–Kincaid grade ≤ 8 — the level US health-literacy guidance asks of patient materials
 *   (NIH / AMA recommend grade 6–8).
 * - Spanish: Fernández Huerta "lecturabilidad" ≥ 60. Fernández Huerta's scale (1959, as tabulated by
 *   legible.es and Barrio-Cantalejo et al. 2008) reads 60–70 as "normal (para adulto)", school grade 7º–8º,
 *   and 50–60 as "algo difícil" (pre-university): 60 is where grade 8 ends.
 * The ICU syntax is read as its reader sees it (tests/unit/readability/measure.ts): placeholders as a
 * sample word, plurals and selects by their "other" form, tags by their text.
 *
 * The test prints how many messages fall in each band (the lead reports it).
 */
import { describe, expect, it } from "vitest";
import { catalogues } from "@/server/i18n/catalogue";
import { READABILITY_EXCEPTIONS } from "./readability/exceptions";
import { counts, englishGrade, plainText, spanishEase, type Language } from "./readability/measure";

const MIN_WORDS = 13;
const MAX_ENGLISH_GRADE = 8;
const MIN_SPANISH_EASE = 60;

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value, `${prefix}${key}.`),
  );
}

type Measured = { key: string; text: string; words: number; score: number | null };

function measureAll(language: Language): Measured[] {
  return flatten(catalogues[language] as unknown as Tree).map(([key, message]) => {
    const text = plainText(message, language);
    const c = counts(text, language);
    if (c.word < MIN_WORDS) return { key, text, words: c.word, score: null };
    return { key, text, words: c.word, score: language === "en" ? englishGrade(c) : spanishEase(c) };
  });
}

const tooHard = (language: Language, score: number) =>
  language === "en" ? score > MAX_ENGLISH_GRADE : score < MIN_SPANISH_EASE;

const BANDS: Record<Language, { label: string; holds: (score: number) => boolean }[]> = {
  en: [
    { label: "grade ≤ 4", holds: (g) => g < 5 },
    { label: "grade 5–6", holds: (g) => g >= 5 && g < 7 },
    { label: "grade 7–8.0", holds: (g) => g >= 7 && g <= 8 },
    { label: "grade 8.1–10.9 (over)", holds: (g) => g > 8 && g < 11 },
    { label: "grade ≥ 11 (over)", holds: (g) => g >= 11 },
  ],
  es: [
    { label: "≥ 80 fácil", holds: (l) => l >= 80 },
    { label: "70–79 algo fácil", holds: (l) => l >= 70 && l < 80 },
    { label: "60–69 normal", holds: (l) => l >= 60 && l < 70 },
    { label: "50–59 algo difícil (under)", holds: (l) => l >= 50 && l < 60 },
    { label: "< 50 difícil (under)", holds: (l) => l < 50 },
  ],
};

function summary(language: Language, measured: Measured[]): string {
  const scored = measured.filter((m) => m.score !== null);
  const lines = BANDS[language].map(({ label, holds }) => `  ${label.padEnd(28)} ${scored.filter((m) => holds(m.score!)).length}`);
  const formula = language === "en" ? "Flesch–Kincaid grade" : "Fernández Huerta";
  const mean = scored.length ? (scored.reduce((sum, m) => sum + m.score!, 0) / scored.length).toFixed(1) : "–";
  return [
    `Readability, ${language} (${formula}): ${measured.length} messages, ${scored.length} of ${MIN_WORDS}+ words measured (mean ${mean}), ${measured.length - scored.length} shorter`,
    ...lines,
    `  listed exceptions            ${Object.keys(READABILITY_EXCEPTIONS[language]).length}`,
  ].join("\n");
}

for (const language of ["en", "es"] as const) {
  describe(`plain language (${language})`, () => {
    const measured = measureAll(language);
    const exceptions = READABILITY_EXCEPTIONS[language];

    it(`every message of ${MIN_WORDS}+ words reads at the grade-8 level, or is a listed exception`, () => {
      console.log(summary(language, measured));
      const failing = measured
        .filter((m) => m.score !== null && tooHard(language, m.score) && !(m.key in exceptions))
        .map((m) => `${m.key} (${m.score!.toFixed(1)}, ${m.words} words): ${m.text}`);
      expect(
        failing,
        "Shorten the sentences or use shorter words; if it cannot be plainer, list it with a reason in tests/unit/readability/exceptions.ts",
      ).toEqual([]);
    });

    it("lists only exceptions that are still needed, each with a reason", () => {
      const byKey = new Map(measured.map((m) => [m.key, m]));
      const stale = Object.entries(exceptions).flatMap(([key, reason]) => {
        const m = byKey.get(key);
        if (!m) return [`${key}: no such message`];
        if (m.score === null || !tooHard(language, m.score)) return [`${key}: reads plainly now (${m.score?.toFixed(1) ?? "short"}); remove it`];
        if (reason.trim().length < 10) return [`${key}: give the reason`];
        return [];
      });
      expect(stale).toEqual([]);
    });
  });
}
