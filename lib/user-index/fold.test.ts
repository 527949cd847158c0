import { describe, expect, it } from "vitest";
import { fold, searchWords } from "./fold";

describe("fold", () => {
  it.each([
    ["Zoé Dupont", "zoe dupont"],
    ["Dupont, Zoé", "dupont zoe"],
    ["Adrián Álvarez", "adrian alvarez"],
    ["Müller-Lüdenscheidt", "muller-ludenscheidt"],
    ["Strauß Øster", "strauss oster"],
    ["Seán Ó Ceallaigh", "sean o ceallaigh"],
    ["  ANNA   o'Brien ", "anna o brien"],
    ["田中 太郎", "田中 太郎"],
    ["zoe.dupont+hr@ACME.example", "zoe.dupont+hr@acme.example"],
  ])("%j → %j", (input, folded) => {
    expect(fold(input)).toBe(folded);
  });

  it("sorts accented names with their plain letters", () => {
    const names = ["Adrián Ruiz", "Adrián Álvarez", "Adrian Alvarado"].map(fold).sort();
    expect(names).toEqual(["adrian alvarado", "adrian alvarez", "adrian ruiz"]);
  });
});

describe("searchWords", () => {
  it("splits a search into distinct folded words, at most eight", () => {
    expect(searchWords("Dupont, Zoé dupont")).toEqual(["dupont", "zoe"]);
    expect(searchWords("  ")).toEqual([]);
    expect(searchWords("a b c d e f g h i j")).toHaveLength(8);
  });
});
