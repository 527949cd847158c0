import { describe, expect, it } from "vitest";
import { openRefusal, refusalNote, sealRefusal } from "./sso-refusal";

const secret = "a-test-secret-that-is-at-least-32-characters";

describe("the refusal note", () => {
  it("round-trips through the sealed cookie value, which does not show the address", async () => {
    const note = refusalNote("no_role", "nobody@example.com", ["staff"]);
    const sealed = await sealRefusal(note, secret);
    expect(sealed).not.toContain("nobody");
    expect(await openRefusal(sealed, secret)).toMatchObject(note);
  });

  it("opens to nothing with another secret, a tampered value, or none", async () => {
    const sealed = await sealRefusal(refusalNote("no_role", "a@example.com", []), secret);
    expect(await openRefusal(sealed, `${secret}-other`)).toBeNull();
    expect(await openRefusal(`${sealed.slice(0, -4)}AAAA`, secret)).toBeNull();
    expect(await openRefusal(undefined, secret)).toBeNull();
    expect(await openRefusal(sealed, undefined)).toBeNull();
  });

  it("keeps at most twenty groups and counts the rest", () => {
    const groups = Array.from({ length: 25 }, (_, index) => `group-${index}`);
    expect(refusalNote("no_role", null, groups)).toMatchObject({ groups: groups.slice(0, 20), moreGroups: 5 });
    expect(refusalNote("email_missing", null, null)).toMatchObject({ groups: [], moreGroups: 0 });
  });
});
