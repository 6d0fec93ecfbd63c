import { describe, expect, it } from "vitest";
import { ALLOWED_FILE_TYPES, ALLOWED_TYPES_MESSAGE } from "@/lib/record";
import { detectFileType } from "@/server/files/detect-type";
import { translateRef } from "@/server/i18n/translator";

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === "string" ? Array.from(new TextEncoder().encode(part)) : part)));
const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

/** A real 1×1 PNG. */
const PNG_1X1 = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);
/** The start of a JPEG from a camera (SOI, APP0 JFIF). */
const JPEG_HEAD = [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...ascii("JFIF"), 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
/** The `ftyp` box of an iPhone photo: size 24, major brand heic, compatible mif1 and heic. */
const ftyp = (major: string, ...compatible: string[]) => {
  const size = 16 + 4 * compatible.length;
  return [0, 0, 0, size, ...ascii("ftyp"), ...ascii(major), 0, 0, 0, 0, ...compatible.flatMap(ascii)];
};

describe("detectFileType", () => {
  it("recognises each allowed type from its real first bytes", () => {
    expect(detectFileType(bytes("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n"))).toEqual({ mediaType: "application/pdf", extension: "pdf" });
    expect(detectFileType(PNG_1X1)).toEqual({ mediaType: "image/png", extension: "png" });
    expect(detectFileType(bytes(JPEG_HEAD))).toEqual({ mediaType: "image/jpeg", extension: "jpg" });
    expect(detectFileType(bytes(ftyp("heic", "mif1", "heic"), [0, 0, 0, 0x30]))).toEqual({ mediaType: "image/heic", extension: "heic" });
    expect(detectFileType(bytes(ftyp("heix", "mif1")))?.mediaType).toBe("image/heic");
    expect(detectFileType(bytes(ftyp("hevc", "msf1")))?.mediaType).toBe("image/heic");
    expect(detectFileType(bytes(ftyp("mif1", "mif1", "miaf")))).toEqual({ mediaType: "image/heif", extension: "heif" });
    expect(detectFileType(bytes(ftyp("msf1", "msf1")))?.mediaType).toBe("image/heif");
    // A generic HEIF container holding HEVC images says so in its compatible brands.
    expect(detectFileType(bytes(ftyp("mif1", "mif1", "heic")))?.mediaType).toBe("image/heic");
    expect(detectFileType(bytes("Blood work, 3 March\r\nHb 13.2 g/dL\tnormal\n\fPage 2: a < b, 5 > 3\n"))).toEqual({
      mediaType: "text/plain",
      extension: "txt",
    });
    expect(detectFileType(bytes([0xef, 0xbb, 0xbf], "Notes from Dr. Müller — ✓ café"))?.mediaType).toBe("text/plain");
    expect(ALLOWED_FILE_TYPES.map((t) => t.mediaType)).toEqual(["application/pdf", "image/jpeg", "image/png", "image/heic", "image/heif", "text/plain"]);
  });

  it("decides from the bytes alone: a PNG is a PNG whatever its name", () => {
    // detectFileType never sees the name; the upload test shows a PNG named "scan.pdf" stored as image/png.
    expect(detectFileType(PNG_1X1)?.mediaType).toBe("image/png");
    expect(detectFileType(bytes("%PDF-1.4\n"))?.mediaType).toBe("application/pdf");
  });

  it("refuses HTML, SVG and XML, even though they are text", () => {
    for (const markup of [
      "<!DOCTYPE html><html><body>Your results</body></html>",
      "<html><script>alert(1)</script></html>",
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
      '<?xml version="1.0"?><svg/>',
      "\n\n   \t<HTML>",
      "</p>",
      "<!-- comment -->",
      "\ufeff  <svg/>",
    ]) {
      expect(detectFileType(bytes(markup)), markup).toBeNull();
    }
    // A lone "<" that opens no tag is ordinary text.
    expect(detectFileType(bytes("< 5 mmol/L is low"))?.mediaType).toBe("text/plain");
  });

  it("refuses binary garbage and other formats", () => {
    expect(detectFileType(new Uint8Array())).toBeNull();
    expect(detectFileType(bytes([0x00, 0x01, 0x02, 0xff, 0xfe]))).toBeNull();
    expect(detectFileType(bytes([0x7f], "ELF", [0x02, 0x01, 0x01, 0x00]))).toBeNull(); // a program
    expect(detectFileType(bytes("PK", [0x03, 0x04, 0x14, 0x00]))).toBeNull(); // a zip (or .docx)
    expect(detectFileType(bytes("GIF89a", [0x01, 0x00, 0x01, 0x00, 0x80]))).toBeNull();
    expect(detectFileType(bytes("text with a NUL", [0x00], "inside"))).toBeNull();
    expect(detectFileType(bytes("escape codes", [0x1b], "[31m"))).toBeNull();
    expect(detectFileType(bytes("Latin-1, not UTF-8: caf", [0xe9, 0x20, 0x21]))).toBeNull();
    expect(detectFileType(bytes([0xff, 0xfe], "h", [0], "i", [0]))).toBeNull(); // UTF-16
    expect(detectFileType(bytes(ftyp("avif", "avif", "mif1")))).toBeNull();
    expect(detectFileType(bytes(ftyp("isom", "mp41")))).toBeNull(); // a video
  });

  it("accepts text whose last multi-byte character is cut at the end of the sniffed head", () => {
    const euro = Array.from(new TextEncoder().encode("€")); // 3 bytes
    const emoji = Array.from(new TextEncoder().encode("🩺")); // 4 bytes
    expect(detectFileType(bytes("Cost: 12 ", euro.slice(0, 2)))?.mediaType).toBe("text/plain");
    expect(detectFileType(bytes("Visit ", emoji.slice(0, 3)))?.mediaType).toBe("text/plain");
    // …but not when the head is the whole file: then the character is broken, not cut.
    expect(detectFileType(bytes("Cost: 12 ", euro.slice(0, 2)), { complete: true })).toBeNull();
    // A broken sequence in the middle is never text.
    expect(detectFileType(bytes("Cost: ", euro.slice(0, 2), " 12"))).toBeNull();
  });

  it("names the allowed types in its message", () => {
    for (const word of ["PDF", "JPEG", "PNG", "HEIC", "text"]) expect(translateRef(ALLOWED_TYPES_MESSAGE, "en")).toContain(word);
    for (const word of ["PDF", "JPEG", "PNG", "HEIC", "texto"]) expect(translateRef(ALLOWED_TYPES_MESSAGE, "es")).toContain(word);
  });
});
