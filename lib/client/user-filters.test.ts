import { describe, expect, it } from "vitest";
import { NO_FILTERS, appendFilterParams, filterCount, filtersBody, filtersCanonical, parseUserFilters } from "./user-filters";

const ID = "0123456789abcdef0123456789abcdef";

describe("the users page's filters in the URL", () => {
  it("reads repeated lists, numbers, flags and days, and writes them back the same", () => {
    const raw = `license=FULL&license=LIMITED&group=${ID}&lastLoginOlderThan=90&neverSignedIn=true&createdBefore=2024-02-29`;
    const filters = parseUserFilters(new URLSearchParams(raw));
    expect(filters).toEqual({ ...NO_FILTERS, license: ["FULL", "LIMITED"], group: [ID], lastLoginOlderThan: 90, neverSignedIn: true, createdBefore: "2024-02-29" });
    expect(appendFilterParams(new URLSearchParams(), filters).toString()).toBe(raw);
    expect(filterCount(filters)).toBe(5);
  });

  it("drops what the API would refuse, so a bad link is rewritten rather than failing", () => {
    const raw = { license: "FULL;DROP", group: "nope", lastLoginOlderThan: "0", createdBefore: "2023-02-29", manager: [ID, ID] };
    expect(parseUserFilters(raw)).toEqual({ ...NO_FILTERS, manager: [ID] });
    expect(filtersCanonical(raw)).toBe(false);
    expect(filtersCanonical({ license: ["FULL", "LIMITED"], lastLoginOlderThan: "30" })).toBe(true);
  });

  it("sends lists as arrays and leaves unset values out of the JSON body", () => {
    expect(filtersBody({ ...NO_FILTERS, license: ["FULL"], lastLoginOlderThan: 90 })).toEqual({
      license: ["FULL"],
      accessLevel: [],
      group: [],
      company: [],
      manager: [],
      lastLoginOlderThan: 90,
    });
  });
});
