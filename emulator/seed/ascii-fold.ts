/**
 * Turns a display name into the ASCII used in an email local part: "Müller-Lüdenscheidt" →
 * "muller-ludenscheidt", "O'Brien" → "obrien", "Strauß" → "strauss". Unicode decomposition
 * strips most accents; the letters that do not decompose are mapped by hand.
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

export function asciiFold(text: string): string {
  const lowered = text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");
  let out = "";
  for (const ch of lowered) out += SPECIAL_LETTERS[ch] ?? ch;
  // Apostrophes and spaces vanish ("o'brien" → "obrien"); hyphens stay, anything else goes.
  return out
    .replace(/[^a-z0-9-]/g, "")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");
}
