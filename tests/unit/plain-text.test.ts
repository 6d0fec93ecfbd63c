/** Text fields drop invisible controls that disguise what text says (issue 15 §4.12). */
import { describe, expect, it } from "vitest";
import { withoutControlCharacters } from "@/lib/plain-text";
import { zText } from "@/lib/fields";

const BIDI_AND_C1 = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C", "\u0080", "\u0085", "\u009B", "\u009F"];

describe("withoutControlCharacters", () => {
  it("drops bidirectional overrides, isolates, marks and C1 controls", () => {
    expect(withoutControlCharacters("Dr\u202E htimS")).toBe("Dr htimS");
    for (const c of BIDI_AND_C1) expect(withoutControlCharacters(`a${c}b`), `U+${c.charCodeAt(0).toString(16)}`).toBe("ab");
  });

  it("keeps newlines, tabs and ordinary Unicode: accents, emoji, right-to-left letters", () => {
    const text = "Café — Zoë\n\tשלום עליכם 👩🏽‍⚕️ مرحبا\r\nnaïve";
    expect(withoutControlCharacters(text)).toBe(text);
  });

  it("applies to every zText field before trimming and the length check", () => {
    expect(zText(5).parse("\u2066 abc \u2069")).toBe("abc");
    expect(zText(3).safeParse("ab\u202Ec\u0085").success).toBe(true);
  });
});
