import { describe, expect, it } from "vitest";
import { parseJobItemsSearch, toJobItemsApiParams, toJobItemsParams } from "./job-search";

describe("the job page's view in the URL", () => {
  it("keeps a known outcome filter and page, and drops what it does not know", () => {
    expect(parseJobItemsSearch(new URLSearchParams("state=failed&page=3"))).toEqual({ state: "failed", page: 3 });
    expect(parseJobItemsSearch({ state: "exploded", page: "-1" })).toEqual({ state: null, page: 1 });
    expect(parseJobItemsSearch({ state: ["failed", "already"], page: "2.5" })).toEqual({ state: null, page: 1 });
  });

  it("writes only what differs from the defaults, and spells everything out for the API", () => {
    expect(toJobItemsParams({ state: null, page: 1 }).toString()).toBe("");
    expect(toJobItemsParams({ state: "remaining", page: 2 }).toString()).toBe("state=remaining&page=2");
    expect(toJobItemsApiParams({ state: null, page: 1 }).toString()).toBe("page=1&pageSize=50");
  });
});
