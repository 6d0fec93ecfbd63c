/** The Spanish syllable counter behind the Spanish readability score, on words whose syllables are known. */
import { describe, expect, it } from "vitest";
import { counts, plainText, spanishEase } from "./readability/measure";
import { spanishSyllables } from "./readability/spanish-syllables";

describe("Spanish syllables", () => {
  it.each([
    // one vowel per syllable
    ["casa", 2], ["médico", 3], ["segunda", 3], ["información", 4], ["opinión", 3], ["usted", 2], ["sí", 1],
    // diphthongs and triphthongs: a weak vowel joins its neighbour
    ["ciudad", 2], ["paciente", 3], ["bueno", 2], ["huevo", 2], ["cuidado", 3], ["buey", 1], ["Uruguay", 3],
    ["pregunta", 3], ["que", 1], ["guerra", 2], ["cigüeña", 3], ["lingüística", 4],
    // hiatus: two strong vowels, or an accented weak one
    ["leer", 2], ["poeta", 3], ["correo", 3], ["aéreo", 4], ["día", 2], ["país", 2], ["guía", 2], ["oído", 3],
    ["reúne", 3], ["creía", 3], ["aún", 2],
    // h between vowels is silent; y is a vowel only when no vowel follows
    ["ahora", 3], ["prohibir", 2], ["rehusar", 2], ["ahí", 2], ["búho", 2], ["hospital", 3],
    ["hoy", 1], ["muy", 1], ["y", 1], ["mayo", 2], ["reyes", 2], ["ya", 1],
    // capitals, punctuation, numbers
    ["¿Cómo", 2], ["Atención:", 3], ["25", 2], ["PDF", 1],
  ])("%s has %i", (word, expected) => {
    expect(spanishSyllables(word)).toBe(expected);
  });
});

describe("readability measures", () => {
  it("read the ICU syntax as its reader sees it", () => {
    expect(plainText("Tiene {count, plural, one {# pregunta} other {# preguntas}} para <link>{name}</link>.", "es")).toBe(
      "Tiene tres preguntas para Alex.",
    );
    expect(counts("Hola. ¿Cómo está? ¡Bien!", "es")).toEqual({ word: 4, sentence: 3, syllable: 7 });
  });

  it("score a plain Spanish sentence as easy and a long, heavy one as hard", () => {
    const plain = counts("Escriba lo que le dijo el médico. Lleve sus preguntas a la cita.", "es");
    const heavy = counts(
      "La documentación correspondiente a la historia clínica deberá ser solicitada previamente a la consulta especializada por el interesado.",
      "es",
    );
    expect(spanishEase(plain)).toBeGreaterThan(70);
    expect(spanishEase(heavy)).toBeLessThan(40);
  });
});
