import { describe, expect, it } from "vitest";
import { CHECKLIST_ITEMS, CHECKLIST_PHASES } from "@/lib/checklist";
import type { Locale } from "@/lib/i18n/locales";
import { SELF_CHECK_SITUATIONS, TIMING_CAUTIONS, type SelfCheckSummaryLine, type TimingCaution, needsSafetyMessage, selfCheckSummary } from "@/lib/self-check";
import { translatorFor } from "@/server/i18n/translator";

describe("the safety message rule", () => {
  it("shows for the emergency answer and for the delay answer, alone or together", () => {
    expect(needsSafetyMessage(["emergency"])).toBe(true);
    expect(needsSafetyMessage(["delay_care"])).toBe(true);
    expect(needsSafetyMessage(["delay_care", "emergency"])).toBe(true);
  });

  it("does not show without a timing caution", () => {
    expect(needsSafetyMessage([])).toBe(false);
  });

  it("every caution there is triggers it (a new caution must decide on purpose)", () => {
    for (const caution of TIMING_CAUTIONS) expect(needsSafetyMessage([caution as TimingCaution])).toBe(true);
  });
});

describe("the self-check summary", () => {
  /** The summary as a reader sees it, in their language. */
  const words = (locale: Locale, lines: SelfCheckSummaryLine[]) => {
    const t = translatorFor(locale);
    return lines.map((line) => (line.key === "ticked" ? t(`selfCheck.summary.${line.key}`, line.values) : t(`selfCheck.summary.${line.key}`))).join(" ");
  };
  const combos = [
    selfCheckSummary([], []),
    selfCheckSummary([...SELF_CHECK_SITUATIONS], []),
    selfCheckSummary(["serious_diagnosis"], ["emergency"]),
  ];

  it("is informational in English: never a verdict, never 'you should', always 'not medical advice'", () => {
    for (const lines of combos) {
      expect(words("en", lines)).not.toMatch(/you should|you must|we recommend/i);
      expect(words("en", lines)).toContain("does not give medical advice");
    }
  });

  it("is informational in Spanish too: never 'debe' or 'le recomendamos', always 'no da consejos médicos'", () => {
    for (const lines of combos) {
      expect(words("es", lines)).not.toMatch(/usted debe|debería|tiene que|le recomendamos/i);
      expect(words("es", lines)).toContain("no da consejos médicos");
    }
  });

  it("counts the situations ticked and mentions timing only when a caution is ticked", () => {
    expect(words("en", selfCheckSummary(["serious_diagnosis", "rushed_unheard"], []))).toContain("2 of the situations");
    expect(words("en", selfCheckSummary(["serious_diagnosis"], []))).toContain("one of the situations");
    expect(words("es", selfCheckSummary(["serious_diagnosis", "rushed_unheard"], []))).toContain("2 de las situaciones");
    expect(words("es", selfCheckSummary(["serious_diagnosis"], []))).toContain("una de las situaciones");
    expect(words("en", selfCheckSummary([], []))).not.toContain("timing matters");
    expect(words("en", selfCheckSummary([], ["delay_care"]))).toContain("timing matters");
    expect(words("es", selfCheckSummary([], ["delay_care"]))).toContain("el tiempo importa");
  });
});

describe("the safety message", () => {
  // The urgent-care notice (components/self-check/urgent-care-notice.tsx) says the same in each language.
  it("names the emergency number, urgent care first, and not medical advice, in English and Spanish", () => {
    const en = translatorFor("en");
    const es = translatorFor("es");
    expect(en.markup("selfCheck.safety.callNow", { strong: (c) => c })).toContain("Call your local emergency number");
    expect(es.markup("selfCheck.safety.callNow", { strong: (c) => c })).toContain("Llame al número de emergencias de su zona");
    expect(en("selfCheck.safety.later")).toContain("Do not put off urgent care");
    expect(es("selfCheck.safety.later")).toContain("No retrase la atención urgente");
    expect(en("selfCheck.safety.notAdvice")).toContain("does not give medical advice");
    expect(es("selfCheck.safety.notAdvice")).toContain("No da consejos médicos");
  });
});

describe("the checklist definition", () => {
  it("has items in every phase, in phase order, with unique keys", () => {
    const phases = CHECKLIST_ITEMS.map((i) => i.phase);
    expect(new Set(phases)).toEqual(new Set(CHECKLIST_PHASES));
    expect([...phases].sort((a, b) => CHECKLIST_PHASES.indexOf(a) - CHECKLIST_PHASES.indexOf(b))).toEqual(phases);
    expect(new Set(CHECKLIST_ITEMS.map((i) => i.key)).size).toBe(CHECKLIST_ITEMS.length);
  });
});
