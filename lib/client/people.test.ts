import { describe, expect, it } from "vitest";
import { type SelectedPerson, matchesSearch } from "./people";

const ada: SelectedPerson = { id: "a", name: "Ada Lovelace", email: "ada@acme.example", isActive: true };
const bob: SelectedPerson = { id: "b", name: "Bob Byte", email: null, isActive: false };

describe("matchesSearch (which selected people the users page's current view shows)", () => {
  it("applies the status tab", () => {
    expect(matchesSearch(ada, { q: "", status: "active" })).toBe(true);
    expect(matchesSearch(ada, { q: "", status: "deactivated" })).toBe(false);
    expect(matchesSearch(bob, { q: "", status: "deactivated" })).toBe(true);
    expect(matchesSearch(bob, { q: "", status: "all" })).toBe(true);
  });

  it("matches the search on name or e-mail, ignoring case, as the server's cicontains does", () => {
    expect(matchesSearch(ada, { q: "LOVE", status: "all" })).toBe(true);
    expect(matchesSearch(ada, { q: "acme.ex", status: "all" })).toBe(true);
    expect(matchesSearch(ada, { q: "grace", status: "all" })).toBe(false);
    expect(matchesSearch(bob, { q: "acme", status: "all" })).toBe(false);
  });
});
