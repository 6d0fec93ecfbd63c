import { describe, expect, it } from "vitest";
import { makeBold, makeList } from "@/components/ui/text-format";

const at = (text: string, selected: string) => {
  const start = text.indexOf(selected);
  return { text, start, end: start + selected.length };
};

describe("the note's Bold and List buttons", () => {
  it("bolds the selected words, keeping spaces outside the marks, and keeps them selected", () => {
    expect(makeBold(at("ask about the scan today", "the scan"))).toEqual({ text: "ask about **the scan** today", start: 12, end: 20 });
    expect(makeBold(at("ask about the scan today", " the scan ")).text).toBe("ask about **the scan** today");
  });

  it("with nothing selected, puts the cursor between the marks", () => {
    expect(makeBold({ text: "note: ", start: 6, end: 6 })).toEqual({ text: "note: ****", start: 8, end: 8 });
  });

  it("starts each selected line with a bullet", () => {
    const text = "Questions\nthe scan\nthe dose";
    const result = makeList(at(text, "the scan\nthe dose"));
    expect(result.text).toBe("Questions\n- the scan\n- the dose");
    expect(result.text.slice(result.start, result.end)).toBe("- the scan\n- the dose");
  });

  it("turns the line with the cursor into a list item, and leaves list lines as they are", () => {
    expect(makeList({ text: "", start: 0, end: 0 })).toEqual({ text: "- ", start: 2, end: 2 });
    expect(makeList(at("- one\ntwo", "two")).text).toBe("- one\n- two");
    expect(makeList(at("- one\ntwo", "- one")).text).toBe("- one\ntwo");
  });
});
