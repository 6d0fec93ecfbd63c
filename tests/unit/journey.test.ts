import { describe, expect, it } from "vitest";
import { CHECKLIST_ITEMS, CHECKLIST_PHASES } from "@/lib/checklist";
import { SELF_CHECK_SITUATIONS, TIMING_CAUTIONS, type TimingCaution, needsSafetyMessage, selfCheckSummary } from "@/lib/self-check";

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
  const allText = (lines: string[]) => lines.join(" ");

  it("is informational: never a verdict, never 'you should'", () => {
    const combos = [
      selfCheckSummary([], []),
      selfCheckSummary([...SELF_CHECK_SITUATIONS], []),
      selfCheckSummary(["serious_diagnosis"], ["emergency"]),
    ];
    for (const lines of combos) {
      expect(allText(lines)).not.toMatch(/you should|you must|we recommend/i);
      expect(allText(lines)).toContain("does not give medical advice");
    }
  });

  it("counts the situations ticked and mentions timing only when a caution is ticked", () => {
    expect(allText(selfCheckSummary(["serious_diagnosis", "rushed_unheard"], []))).toContain("2 of the situations");
    expect(allText(selfCheckSummary(["serious_diagnosis"], []))).toContain("one of the situations");
    expect(allText(selfCheckSummary([], []))).not.toContain("timing matters");
    expect(allText(selfCheckSummary([], ["delay_care"]))).toContain("timing matters");
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
