/**
 * Messages allowed to read above the plain-language level (tests/unit/readability.test.ts), each with the
 * reason. The one place for them: add a message here only when a plainer wording would say less or say it
 * wrongly (a legal or medical term a person must recognise, a name of a thing they will see elsewhere),
 * not because rewording takes time. The test fails on an entry whose message is gone or now passes,
 * so the list never outlives its reasons.
 *
 * Key: the message's full key, e.g. "privacy.keep.body". Value: why it may stay as it is.
 */
export const READABILITY_EXCEPTIONS: Record<"en" | "es", Record<string, string>> = {
  en: {
    "layout.description":
      "The page description search engines and shared links show: a short noun phrase naming the product, not a sentence read in the app.",
    "layout.notMedicalAdvice":
      "The safety notice must say 'medical advice' and 'emergency' (twice) in words people recognise; its sentences are already short (about 7 words).",
  },
  es: {
    "layout.description":
      "The page description search engines and shared links show: a short noun phrase naming the product, not a sentence read in the app.",
  },
};
