import { describe, expect, it } from "vitest";
import { digestSlot } from "@/server/digest/digest";
import { ENTITY_SECTION, eventAffects, sectionFromPath } from "@/lib/live";

const CASE = "5b0b6d4e-2a4f-4c0e-9f57-2a0f3d7e9c11";

describe("live sections", () => {
  it("reads the section from a workspace path, sub-pages included", () => {
    expect(sectionFromPath(`/cases/${CASE}`, CASE)).toBe("overview");
    expect(sectionFromPath(`/cases/${CASE}/records/letter`, CASE)).toBe("records");
    expect(sectionFromPath(`/cases/${CASE}/opinions/abc`, CASE)).toBe("opinions");
    expect(sectionFromPath(`/cases/${CASE}/nonsense`, CASE)).toBeNull();
    expect(sectionFromPath(`/cases/other/questions`, CASE)).toBeNull();
  });

  it("refreshes a page only for changes it shows", () => {
    expect(eventAffects("question", "questions")).toBe(true);
    expect(eventAffects("question", "records")).toBe(false);
    expect(eventAffects("question", "compare")).toBe(true); // clarifying questions
    expect(eventAffects("medication", "overview")).toBe(true); // the feed
    expect(eventAffects("member", "health")).toBe(true); // the header lists the people
    expect(eventAffects("file", "records")).toBe(true);
    expect(ENTITY_SECTION.file).toBe("records");
  });
});

describe("digest slot", () => {
  it("is the latest digest hour (UTC) at or before now", () => {
    expect(digestSlot(new Date("2026-11-26T08:30:00Z"), 7).toISOString()).toBe("2026-11-26T07:00:00.000Z");
    expect(digestSlot(new Date("2026-11-26T06:59:00Z"), 7).toISOString()).toBe("2026-11-25T07:00:00.000Z");
    expect(digestSlot(new Date("2026-11-26T07:00:00Z"), 7).toISOString()).toBe("2026-11-26T07:00:00.000Z");
  });

  it("is the person's hour on their own clock, daylight saving included", () => {
    // 08:00 in Madrid is 07:00 UTC in winter, 06:00 UTC in summer.
    expect(digestSlot(new Date("2026-11-26T07:30:00Z"), 8, "Europe/Madrid").toISOString()).toBe("2026-11-26T07:00:00.000Z");
    expect(digestSlot(new Date("2026-07-01T06:30:00Z"), 8, "Europe/Madrid").toISOString()).toBe("2026-07-01T06:00:00.000Z");
    expect(digestSlot(new Date("2026-07-01T05:59:00Z"), 8, "Europe/Madrid").toISOString()).toBe("2026-06-30T06:00:00.000Z");
    // 20:00 in Bogotá (UTC−5) falls on the next UTC day.
    expect(digestSlot(new Date("2026-11-27T00:30:00Z"), 20, "America/Bogota").toISOString()).toBe("2026-11-26T01:00:00.000Z");
    expect(digestSlot(new Date("2026-11-27T01:00:00Z"), 20, "America/Bogota").toISOString()).toBe("2026-11-27T01:00:00.000Z");
    // Across the spring change in Madrid (29 March 2026, 02:00 → 03:00): 08:00 is 06:00 UTC that day.
    expect(digestSlot(new Date("2026-03-29T06:10:00Z"), 8, "Europe/Madrid").toISOString()).toBe("2026-03-29T06:00:00.000Z");
  });
});
