/**
 * Text folded for matching and sorting as people expect: case, accents and punctuation do not
 * count ("Zoé Dupont" is found by "dupont zoe" and by "Dupont, Zoé"; "Álvarez" sorts with
 * "alvarez"). Letters that do not decompose into a base letter and a mark are mapped by hand.
 */
const SPECIAL_LETTERS: Record<string, string> = {
  ß: "ss",
  ø: "o",
  æ: "ae",
  œ: "oe",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
};

export function fold(text: string): string {
  const bare = text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");
  let out = "";
  for (const ch of bare) out += SPECIAL_LETTERS[ch] ?? ch;
  // Keep letters and digits of any script (CJK names too), and what e-mail addresses are made of.
  return out
    .replace(/[^\p{L}\p{N}@._+-]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The words of a search, each of which must appear somewhere in a person's folded text. */
export function searchWords(query: string): string[] {
  return [...new Set(fold(query).split(" ").filter(Boolean))].slice(0, 8);
}
