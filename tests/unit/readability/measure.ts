/**
 * How hard a catalogue message is to read: its words, sentences and syllables once the ICU syntax is
 * turned into the words a reader sees, and the score of each language's formula.
 */
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { fleschKincaid } from "flesch-kincaid";
import { syllable } from "syllable";
import { spanishSyllables } from "./spanish-syllables";

export type Language = "en" | "es";

/** What a placeholder is read as: one ordinary word of the language (a name, a number, a date). */
const SAMPLE: Record<Language, { text: string; number: string; date: string }> = {
  en: { text: "Alex", number: "three", date: "May 3" },
  es: { text: "Alex", number: "tres", date: "3 de mayo" },
};

/** The text a reader sees: placeholders as sample words, plurals and selects by their `other` form, tags by their content. */
export function plainText(message: string, language: Language): string {
  const sample = SAMPLE[language];
  const walk = (elements: MessageFormatElement[]): string =>
    elements
      .map((element) => {
        switch (element.type) {
          case TYPE.literal:
            return element.value;
          case TYPE.argument:
            return sample.text;
          case TYPE.number:
          case TYPE.pound:
            return sample.number;
          case TYPE.date:
          case TYPE.time:
            return sample.date;
          case TYPE.tag:
            return walk(element.children);
          case TYPE.plural:
          case TYPE.select:
            return walk(element.options.other?.value ?? []);
          default:
            return "";
        }
      })
      .join("");
  return walk(parse(message));
}

export type Counts = { word: number; sentence: number; syllable: number };

/** Words (anything with a letter or digit between spaces), sentences (ended by . ! ? … or a blank line), syllables. */
export function counts(text: string, language: Language): Counts {
  const words = text
    .split(/\s+/)
    .map((token) => token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
    .filter((token) => /[\p{L}\p{N}]/u.test(token));
  const sentence = Math.max(1, text.split(/[.!?…]+(?=\s|$)|\n\s*\n/u).filter((part) => /[\p{L}\p{N}]/u.test(part)).length);
  const syllables = words.reduce((sum, word) => sum + syllablesOf(word, language), 0);
  return { word: words.length, sentence, syllable: syllables };
}

function syllablesOf(word: string, language: Language): number {
  if (language === "es") return spanishSyllables(word);
  // The English counter does not read digits: one syllable per digit, as the Spanish counter does.
  if (!/\p{L}/u.test(word)) return word.replace(/\D/g, "").length || 1;
  return Math.max(1, syllable(word));
}

/** Flesch–Kincaid grade level (Kincaid et al. 1975): the US school grade that can read the text. */
export function englishGrade(c: Counts): number {
  return fleschKincaid(c);
}

/**
 * Fernández Huerta's "lecturabilidad" (1959), as corrected by Law (2011): Fernández Huerta adapted Flesch's
 * reading ease to Spanish; the form usually quoted subtracts sentences per 100 words where Flesch (and the
 * sense of it) subtracts words per sentence. L = 206.84 − 60 × syllables/word − 1.02 × words/sentence.
 * Higher is easier (0–100).
 */
export function spanishEase(c: Counts): number {
  return 206.84 - 60 * (c.syllable / c.word) - 1.02 * (c.word / c.sentence);
}
