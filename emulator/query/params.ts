/**
 * Request parameters in arrival order: the query string first, then a form body. Order matters
 * (repeated keys become `in` lists, un-numbered sorts rank by position), so this is a list of
 * pairs rather than a record.
 */
export class Params {
  constructor(readonly entries: readonly (readonly [string, string])[]) {}

  static fromSearch(search: string): Params {
    return new Params([...new URLSearchParams(search).entries()]);
  }

  get(name: string): string | undefined {
    for (const [key, value] of this.entries) if (key === name) return value;
    return undefined;
  }

  getAll(name: string): string[] {
    const values: string[] = [];
    for (const [key, value] of this.entries) if (key === name) values.push(value);
    return values;
  }

  has(name: string): boolean {
    return this.entries.some(([key]) => key === name);
  }

  concat(other: Params): Params {
    return new Params([...this.entries, ...other.entries]);
  }

  flag(name: string): boolean {
    return this.get(name)?.toLowerCase() === "true";
  }
}

/**
 * Never filters: credentials, the verb override and the request-shaping parameters
 * (workfront-api.md §2.1: `user/search?username=x` does not filter).
 */
const RESERVED = new Set([
  "username",
  "password",
  "apiKey",
  "sessionID",
  "method",
  "fields",
  "updates",
  "action",
  "atomic",
  "map",
  "filters",
  "id",
  "uri",
  "concurrent",
  "force",
]);

export function isReservedParam(name: string): boolean {
  // $$FIRST, $$LIMIT and the other $$ request switches ($$ROLLUP…) are never field names.
  return RESERVED.has(name) || name.startsWith("$$");
}
