import { describe, expect, it } from "vitest";
import { withLinks, workfrontLink } from "./links";
import type { PersonImpact } from "./types";

/** Items' links as full addresses in the tenant's web UI, built from the API base's origin. */
describe("workfrontLink", () => {
  it("puts the page and ID on the API base's origin, dropping its path", () => {
    expect(workfrontLink("https://acme.my.workfront.com/attask/api/v21.0", "project", "5f1a")).toBe(
      "https://acme.my.workfront.com/project/5f1a",
    );
    expect(workfrontLink("http://localhost:4010/attask/api/v21.0/", "timesheet", "77")).toBe("http://localhost:4010/timesheet/77");
  });
});

describe("withLinks", () => {
  it("gives each item an href, null where the item has no link, and keeps everything else", () => {
    const impact: PersonImpact = {
      userId: "u1",
      categories: [
        {
          key: "approvalsAwaiting",
          count: 2,
          items: [
            { id: "aw1", label: "Launch", link: { page: "project", id: "p1" } },
            { id: "aw2", label: null, link: null },
          ],
          blocking: 2,
          reassignable: false,
        },
        {
          key: "approvalStages",
          count: 1,
          items: [{ id: "sp1", label: "step-a", link: null, soleApprover: true }],
          blocking: 1,
          reassignable: true,
        },
        { key: "timesheetProfiles", count: 0, items: [], blocking: 0, reassignable: true, unavailable: true },
      ],
      total: 3,
      blocking: 3,
      checkedAt: "2026-03-02T10:00:00.000Z",
    };
    expect(withLinks("https://acme.my.workfront.com/attask/api/v21.0", impact)).toEqual({
      userId: "u1",
      categories: [
        {
          key: "approvalsAwaiting",
          count: 2,
          items: [
            { id: "aw1", label: "Launch", link: { page: "project", id: "p1" }, href: "https://acme.my.workfront.com/project/p1" },
            { id: "aw2", label: null, link: null, href: null },
          ],
          blocking: 2,
          reassignable: false,
        },
        {
          key: "approvalStages",
          count: 1,
          items: [{ id: "sp1", label: "step-a", link: null, soleApprover: true, href: null }],
          blocking: 1,
          reassignable: true,
        },
        { key: "timesheetProfiles", count: 0, items: [], blocking: 0, reassignable: true, unavailable: true },
      ],
      total: 3,
      blocking: 3,
      checkedAt: "2026-03-02T10:00:00.000Z",
    });
  });
});
