/**
 * Fonts for the server-made PDFs. The PDF standard fonts only know Latin-1, so names like
 * "Łukasz Żółć" would be garbled and "李" dropped: DejaVu Sans (Latin, Greek, Cyrillic, many
 * symbols) is embedded, with Noto Sans SC as the fallback for Chinese characters. The files live in
 * ./fonts (licences beside them) and next.config.ts traces them into a standalone build; only the
 * glyphs used end up in a PDF.
 * Scripts neither covers (e.g. Japanese kana, Korean) would show as blanks: add a fallback here.
 */
import "server-only";
import path from "node:path";
import { Font } from "@react-pdf/renderer";

/** `fontFamily` for every PDF style: the first family that has a glyph draws it. */
export const PDF_FONT_FAMILY = ["DejaVu Sans", "Noto Sans SC"];

// The server runs from the project (or standalone) root, where the traced files keep their paths.
const font = (file: string) => path.join(process.cwd(), "server", "pdf", "fonts", file);

let registered = false;

/** Registers the fonts once per process (react-pdf keeps them in a global store). */
export function registerPdfFonts(): void {
  if (registered) return;
  Font.register({
    family: "DejaVu Sans",
    fonts: [
      { src: font("DejaVuSans.ttf") },
      { src: font("DejaVuSans-Bold.ttf"), fontWeight: "bold" },
    ],
  });
  Font.register({
    family: "Noto Sans SC",
    fonts: [
      { src: font("NotoSansSC-Regular.woff") },
      { src: font("NotoSansSC-Bold.woff"), fontWeight: "bold" },
    ],
  });
  // Break long words only where the text allows; react-pdf's default hyphenation adds stray hyphens.
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}
