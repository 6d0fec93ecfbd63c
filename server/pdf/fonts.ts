/**
 * Fonts for the server-made PDFs. The PDF standard fonts only know Latin-1, so names like
 * "Łukasz Żółć" would be garbled and "李" dropped: DejaVu Sans (Latin, Greek, Cyrillic, many
 * symbols) is embedded, with Noto Sans SC as the fallback for Chinese characters. Both ship in npm
 * packages (dejavu-fonts-ttf, @fontsource/noto-sans-sc); only the glyphs used end up in a PDF.
 * Scripts neither covers (e.g. Japanese kana, Korean) would show as blanks: add a fallback here.
 */
import path from "node:path";
import { Font } from "@react-pdf/renderer";

/** `fontFamily` for every PDF style: the first family that has a glyph draws it. */
export const PDF_FONT_FAMILY = ["DejaVu Sans", "Noto Sans SC"];

const fromPackage = (...parts: string[]) => path.join(process.cwd(), "node_modules", ...parts);

let registered = false;

/** Registers the fonts once per process (react-pdf keeps them in a global store). */
export function registerPdfFonts(): void {
  if (registered) return;
  Font.register({
    family: "DejaVu Sans",
    fonts: [
      { src: fromPackage("dejavu-fonts-ttf", "ttf", "DejaVuSans.ttf") },
      { src: fromPackage("dejavu-fonts-ttf", "ttf", "DejaVuSans-Bold.ttf"), fontWeight: "bold" },
    ],
  });
  Font.register({
    family: "Noto Sans SC",
    fonts: [
      { src: fromPackage("@fontsource", "noto-sans-sc", "files", "noto-sans-sc-chinese-simplified-400-normal.woff") },
      { src: fromPackage("@fontsource", "noto-sans-sc", "files", "noto-sans-sc-chinese-simplified-700-normal.woff"), fontWeight: "bold" },
    ],
  });
  // Break long words only where the text allows; react-pdf's default hyphenation adds stray hyphens.
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}
