/**
 * Syllables in Spanish words, for the Spanish readability score (tests/unit/readability.test.ts).
 *
 * No npm package does this well (the one there is ships its test runner as a runtime dependency), and
 * Spanish spelling is regular enough for a short rule, written here from the RAE's Ortografía (2010, §1.2):
 * - every syllable has exactly one vowel nucleus, so we count nuclei in each run of vowels;
 * - a, e, o are "strong", i, u, ü "weak"; a weak vowel with an accent (í, ú) is as strong as a strong one;
 * - two strong vowels side by side are two syllables (le-er, po-e-ta: hiatus); a weak vowel without an accent
 *   joins its neighbour (ciu-dad, bue-no, Uru-guay: diphthongs and triphthongs); an accented weak vowel breaks
 *   them (dí-a, pa-ís).
 * So a run of vowels has as many syllables as it has strong or accented vowels, and one if it has none.
 * - h between vowels does not separate them (prohi-bir, rehu-sar: two syllables each): it is silent.
 * - y is a vowel when no vowel follows it (hoy, muy, the word "y"), a consonant before one (ma-yo).
 * - a word with no vowel (a number, an abbreviation) counts one syllable per digit, else one.
 * Known limits, rare in this product's words: "chiita"-like double weak vowels (chi-i-ta counts 2, not 3).
 */

const STRONG = new Set(["a", "e", "o", "á", "é", "ó", "í", "ú"]);
const WEAK = new Set(["i", "u", "ü"]);

function isVowel(word: string, index: number): boolean {
  const letter = word[index]!;
  if (STRONG.has(letter) || WEAK.has(letter)) return true;
  if (letter !== "y") return false;
  const next = word[index + 1];
  return next === undefined || !(STRONG.has(next) || WEAK.has(next));
}

/** The syllables of one Spanish word (letters only; case and punctuation are ignored). */
export function spanishSyllables(word: string): number {
  // Other accents (à, â: loanwords) read as the plain vowel; á é í ó ú ü are kept.
  const letters = word
    .toLowerCase()
    .normalize("NFC")
    .replace(/[àâä]/g, "a")
    .replace(/[èêë]/g, "e")
    .replace(/[ìîï]/g, "i")
    .replace(/[òôö]/g, "o")
    .replace(/[ùû]/g, "u")
    .replace(/[^a-záéíóúüñ0-9]/g, "");
  // Silent h between two vowels: "prohibir" reads as "proibir".
  const spoken = letters.replace(/(?<=[aeiouáéíóúü])h(?=[aeiouáéíóúü])/g, "");
  let syllables = 0;
  let run = { strong: 0, length: 0 };
  const closeRun = () => {
    if (run.length > 0) syllables += Math.max(1, run.strong);
    run = { strong: 0, length: 0 };
  };
  for (let index = 0; index < spoken.length; index++) {
    if (isVowel(spoken, index)) {
      run.length++;
      if (STRONG.has(spoken[index]!)) run.strong++;
    } else {
      closeRun();
    }
  }
  closeRun();
  if (syllables > 0) return syllables;
  const digits = spoken.replace(/[^0-9]/g, "").length;
  return digits > 0 ? digits : spoken.length > 0 ? 1 : 0;
}
