import { type MessageFormatElement, TYPE, parse } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { LOCALES } from "./locales";
import { catalogues } from "./messages";

type Tree = { [key: string]: string | Tree };

/** Every message as "namespace.key.path" → text. */
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [inner, text] of flatten(value, path)) out.set(inner, text);
  }
  return out;
}

/** The arguments a message uses, with their kind ("count:plural", "name:argument", "b:tag"). */
function argumentsOf(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    switch (element.type) {
      case TYPE.argument:
        found.add(`${element.value}:argument`);
        break;
      case TYPE.number:
      case TYPE.date:
      case TYPE.time:
        found.add(`${element.value}:${TYPE[element.type]}`);
        break;
      case TYPE.plural:
      case TYPE.select:
        found.add(`${element.value}:${TYPE[element.type]}`);
        for (const option of Object.values(element.options)) argumentsOf(option.value, found);
        break;
      case TYPE.tag:
        found.add(`${element.value}:tag`);
        argumentsOf(element.children, found);
        break;
      default:
        break;
    }
  }
  return found;
}

const flat = Object.fromEntries(LOCALES.map((locale) => [locale, flatten(catalogues[locale] as unknown as Tree)]));

describe("message catalogues", () => {
  it("have the same keys in every language", () => {
    const [reference, ...others] = LOCALES;
    for (const locale of others) {
      const missing = [...flat[reference]!.keys()].filter((key) => !flat[locale]!.has(key));
      const extra = [...flat[locale]!.keys()].filter((key) => !flat[reference]!.has(key));
      expect({ locale, missing, extra }).toEqual({ locale, missing: [], extra: [] });
    }
  });

  it.each(LOCALES)("%s: every message is valid ICU and uses the same arguments as English", (locale) => {
    const problems: string[] = [];
    for (const [key, text] of flat[locale]!) {
      let elements: MessageFormatElement[];
      try {
        elements = parse(text);
      } catch (error) {
        problems.push(`${key}: ${(error as Error).message}`);
        continue;
      }
      if (!text.trim()) problems.push(`${key}: empty`);
      const english = flat.en!.get(key);
      if (english === undefined) continue;
      const mine = [...argumentsOf(elements)].sort();
      const theirs = [...argumentsOf(parse(english))].sort();
      if (mine.join() !== theirs.join()) problems.push(`${key}: ${mine.join(" ")} ≠ en ${theirs.join(" ")}`);
    }
    expect(problems).toEqual([]);
  });
});
