import { describe, expect, it } from "vitest";
import { parseWorkfrontDate } from "./dates";

describe("parseWorkfrontDate", () => {
  it.each([
    ["2024-01-31T10:00:00:000-0700", "2024-01-31T17:00:00.000Z"],
    ["2017-03-23T09:00:00:000+0400", "2017-03-23T05:00:00.000Z"],
    ["2017-10-06T13:48:07.776-0600", "2017-10-06T19:48:07.776Z"],
    ["2020-05-13T18:18:37.255Z", "2020-05-13T18:18:37.255Z"],
    ["2020-05-13T18:18:37+02:00", "2020-05-13T16:18:37.000Z"],
  ])("reads %s", (input, expected) => {
    expect(parseWorkfrontDate(input)).toBe(expected);
  });

  it.each([null, undefined, "", "yesterday", "2024-13-45T99:00:00:000-0700"])("gives null for %j", (input) => {
    expect(parseWorkfrontDate(input)).toBeNull();
  });
});
