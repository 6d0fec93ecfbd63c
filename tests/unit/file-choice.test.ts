import { describe, expect, it } from "vitest";
import { ALLOWED_TYPES_MESSAGE, FILE_INPUT_ACCEPT, fileChoiceProblem, MAX_FILE_BYTES } from "@/lib/record";
import { translateRef } from "@/server/i18n/translator";

/** The problem as the browser shows it (the check gives a message reference), in English. */
const words = (problem: string | null) => (problem === null ? null : translateRef(problem, "en"));

describe("a chosen file, checked in the browser before it is sent", () => {
  it("takes the kinds a record takes, by name or by type", () => {
    expect(fileChoiceProblem({ name: "bloods.PDF", type: "", size: 10 })).toBeNull();
    expect(fileChoiceProblem({ name: "scan.jpeg", type: "image/jpeg", size: 10 })).toBeNull();
    expect(fileChoiceProblem({ name: "IMG_0001.HEIC", type: "", size: 10 })).toBeNull();
    // A camera's photo may come without a usable name; its type is enough.
    expect(fileChoiceProblem({ name: "image", type: "image/png", size: 10 })).toBeNull();
    expect(fileChoiceProblem({ name: "notes.txt", type: "text/plain", size: MAX_FILE_BYTES })).toBeNull();
  });

  it("refuses an empty file, one over 25 MB, and other kinds, naming the file", () => {
    expect(words(fileChoiceProblem({ name: "empty.pdf", type: "application/pdf", size: 0 }))).toBe('"empty.pdf" is empty. Choose another file.');
    expect(words(fileChoiceProblem({ name: "huge.pdf", type: "application/pdf", size: MAX_FILE_BYTES + 1 }))).toMatch(/^"huge\.pdf" is larger than 25 MB/);
    expect(translateRef(fileChoiceProblem({ name: "huge.pdf", type: "application/pdf", size: MAX_FILE_BYTES + 1 })!, "es")).toMatch(/^"huge\.pdf" pesa más de 25 MB/);
    expect(fileChoiceProblem({ name: "program.exe", type: "application/x-msdownload", size: 2 })).toBe(ALLOWED_TYPES_MESSAGE);
    expect(fileChoiceProblem({ name: "pdf", type: "", size: 2 })).toBe(ALLOWED_TYPES_MESSAGE);
  });

  it("offers the same kinds in the file picker", () => {
    expect(FILE_INPUT_ACCEPT.split(",")).toEqual(
      expect.arrayContaining([".pdf", ".jpg", ".jpeg", ".png", ".heic", ".heif", ".txt", "application/pdf", "image/heic", "text/plain"]),
    );
  });
});
