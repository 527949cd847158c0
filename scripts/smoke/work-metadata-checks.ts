import { CATEGORY_DEFS, type CategoryDef } from "../../lib/offboarding/impact/categories";
import { IMPACT_CATEGORIES, type ImpactCategoryKey } from "../../lib/offboarding/impact/types";
import type { SmokeContext } from "./context";
import { type SmokeRow, describeError, row } from "./rows";

/**
 * The impact check's fields (issue 16, docs/workfront-fidelity.md 47–50), read-only: for each
 * category, whether the tenant's `GET /<objCode>/metadata` knows the person field, the reference
 * it groups by, and every field it filters on and lists (`ref:field` through the reference's
 * object). Several API spellings are assumed from Data Connect's column names (fidelity 48), so a
 * tenant's metadata is the word that counts.
 */
interface Metadata {
  fields: Record<string, unknown>;
  references: Record<string, { typeObjCode?: string | null; objCode?: string | null }>;
}

/** Every field name a category sends: the person field, its grouping, "open" filters and listed fields. */
export function fieldsOf(def: CategoryDef): string[] {
  return [...new Set([def.personField, def.groupBy, ...def.open.map((filter) => filter.field), ...def.fields])];
}

type Reader = (objCode: string) => Promise<Metadata>;

function cachedReader(context: SmokeContext): Reader {
  const cache = new Map<string, Promise<Metadata>>();
  return (objCode) => {
    const key = objCode.toUpperCase();
    if (!cache.has(key)) {
      cache.set(
        key,
        context.raw({ method: "GET", path: `${key.toLowerCase()}/metadata` }).then((data) => {
          const body = data as Partial<Metadata> | null;
          return { fields: body?.fields ?? {}, references: body?.references ?? {} };
        }),
      );
    }
    return cache.get(key)!;
  };
}

/** The names (of `fields`) the tenant's metadata does not know, `ref:field` looked up through the reference. */
async function missing(read: Reader, objCode: string, names: readonly string[]): Promise<string[]> {
  const own = await read(objCode);
  const absent: string[] = [];
  for (const name of names) {
    const [head, tail] = name.split(":", 2) as [string, string | undefined];
    if (tail === undefined) {
      if (!(head in own.fields)) absent.push(name);
      continue;
    }
    const reference = own.references[head];
    const target = reference?.typeObjCode ?? reference?.objCode;
    if (!target) {
      absent.push(name);
      continue;
    }
    if (!(tail in (await read(target)).fields)) absent.push(name);
  }
  return absent;
}

async function categoryRow(read: Reader, key: ImpactCategoryKey): Promise<SmokeRow> {
  const def = CATEGORY_DEFS[key];
  const check = `work metadata: ${key} (${def.objCode})`;
  const names = fieldsOf(def);
  try {
    const absent = await missing(read, def.objCode, names);
    if (absent.length === 0) {
      return row(check, "PASS", `${def.objCode.toLowerCase()}/metadata knows ${names.join(", ")}.`, "Counts and lists this category in the impact check.");
    }
    const blocks = def.blocking !== "none";
    return row(
      check,
      // A blocking category the tenant cannot read blocks every deactivation until an admin overrides.
      blocks ? "FAIL" : "WARN",
      `${def.objCode.toLowerCase()}/metadata lacks ${absent.join(", ")}.`,
      blocks
        ? "Shows this blocking category as unknown, so every deactivation needs an admin's override: open an issue with this row."
        : "Shows this category as unknown in the impact check (not as zero): check it in Workfront by hand.",
    );
  } catch (error) {
    return row(
      check,
      def.blocking !== "none" ? "FAIL" : "WARN",
      `${def.objCode.toLowerCase()}/metadata could not be read: ${describeError(error)}.`,
      "Shows this category as unknown in the impact check.",
    );
  }
}

/** One row per impact category, in the order the person page lists them. */
export async function workMetadataRows(context: SmokeContext): Promise<SmokeRow[]> {
  const read = cachedReader(context);
  const rows: SmokeRow[] = [];
  for (const key of IMPACT_CATEGORIES) rows.push(await categoryRow(read, key));
  return rows;
}
