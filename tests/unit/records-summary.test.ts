import { describe, expect, it } from "vitest";
import { recordsSummary } from "@/components/record/records-summary";
import { SUGGESTED_RECORDS } from "@/lib/record";
import { createTranslator } from "next-intl";
import { catalogues } from "@/server/i18n/catalogue";

const t = createTranslator({ locale: "en", messages: catalogues.en, namespace: "records" });
const es = createTranslator({ locale: "es", messages: catalogues.es, namespace: "records" });

const usual = SUGGESTED_RECORDS.map((s) => ({ kind: s.kind, status: "received" as const }));

describe("the records summary says only what is true", () => {
  it("does not claim nothing is missing after one record, when the usual list was never added", () => {
    const summary = recordsSummary([{ kind: "imaging_report", status: "received" }], t);
    expect(summary.headline).toBe("The one record on the list has arrived.");
    expect(summary.headline).not.toContain("Nothing is missing");
    expect(summary.detail).toBe(`${SUGGESTED_RECORDS.length - 1} records a second-opinion clinician usually asks for are not on the list yet. Add them if they apply.`);
    expect(summary.usualNotListed).toBe(SUGGESTED_RECORDS.length - 1);
  });

  it("counts what is still missing, and still mentions the usual records not listed", () => {
    const summary = recordsSummary([
      { kind: "imaging_report", status: "needed" },
      { kind: "blood_work", status: "requested" },
      { kind: "other", status: "received" },
    ], t);
    expect(summary.headline).toBe("2 still missing");
    expect(summary.detail).toContain("Records still needed, or requested and not yet received.");
    expect(summary.detail).toContain("usually asks for are not on the list yet");
  });

  it("says nothing is missing once every usual record is listed and everything has arrived", () => {
    const summary = recordsSummary([...usual, { kind: "other", status: "shared" }], t);
    expect(summary).toEqual({
      headline: "Nothing is missing.",
      detail: "Every record on the list has arrived, and the usual ones are all on it.",
      usualNotListed: 0,
    });
  });

  it("names one usual record left in the singular", () => {
    const summary = recordsSummary(usual.slice(1), t);
    expect(summary.headline).toBe(`All ${usual.length - 1} records on the list have arrived.`);
    expect(summary.detail).toBe("One record a second-opinion clinician usually asks for is not on the list yet. Add it if it applies.");
  });

  it("speaks the reader's language, with its plurals", () => {
    const summary = recordsSummary([{ kind: "imaging_report", status: "received" }], es);
    expect(summary.headline).toBe("Llegó el único expediente de la lista.");
    expect(summary.detail).toBe(`${SUGGESTED_RECORDS.length - 1} expedientes que suele pedir el médico de una segunda opinión todavía no están en la lista. Agréguelos si corresponden.`);
    expect(recordsSummary(usual.slice(1), es).detail).toMatch(/^Un expediente que suele pedir/);
  });
});
