import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { emulatorUrl } from "./support/servers";

/**
 * Bad input gets a clear 4xx, and nothing happens: no Workfront call is made and no audit row is
 * written. Checked against the emulator's request counter and the audit log's total.
 */
const validId = async (request: APIRequestContext) =>
  ((await (await request.get("/api/users?pageSize=25")).json()) as { users: { id: string }[] }).users[0]!.id;

async function workfrontRequests(request: APIRequestContext): Promise<number> {
  return ((await (await request.get(`${emulatorUrl}/__emulator/stats`)).json()) as { total: number }).total;
}

async function auditTotal(request: APIRequestContext): Promise<number> {
  return ((await (await request.get("/api/audit?pageSize=25")).json()) as { total: number }).total;
}

const hostileIds = [
  "abc",
  "ABCDEF0123456789ABCDEF0123456789",
  "0123456789abcdef0123456789abcde%3F",
  "0123456789abcdef0123456789abcd%26x",
  "0123456789abcdef0123456789abcdef%26apiKey%3Dstolen",
  "%26apiKey%3D",
  "..%2F..%2Fuser",
  "0123456789abcdef0123456789abcdef%23",
  "a".repeat(3000),
];

test("malformed and hostile user IDs are refused before Workfront is called", async ({ usersPage }) => {
  const request = usersPage.page.request;
  const before = [await workfrontRequests(request), await auditTotal(request)];
  for (const id of hostileIds) {
    for (const action of ["deactivate", "reactivate"]) {
      const response = await request.post(`/api/users/${id}/${action}`, { data: { reason: "Left the company" } });
      expect(response.status(), id).toBeGreaterThanOrEqual(400);
      expect(response.status(), id).toBeLessThan(500);
      const body = await response.json();
      expect(body.error.message.length, id).toBeGreaterThan(10);
    }
    const read = await request.get(`/api/users/${id}`);
    expect([400, 404, 414], id).toContain(read.status());
  }
  expect([await workfrontRequests(request), await auditTotal(request)]).toEqual(before);
});

test("bad bodies are refused with a clear message, and nothing is written", async ({ usersPage }) => {
  const request = usersPage.page.request;
  const id = await validId(request);
  const before = [await workfrontRequests(request), await auditTotal(request)];
  const cases: [string, Parameters<APIRequestContext["post"]>[1], number, RegExp][] = [
    ["no reason", { data: {} }, 400, /reason/],
    ["a short reason", { data: { reason: "x" } }, 400, /reason: at least 3 characters/],
    ["a 2,000-character reason", { data: { reason: "r".repeat(2000) } }, 400, /reason: at most 500 characters/],
    ["an unknown field", { data: { reason: "Left the company", isActive: true } }, 400, /isActive/],
    ["a long ticket", { data: { reason: "Left the company", ticket: "t".repeat(101) } }, 400, /ticket/],
    ["a form body", { form: { reason: "Left the company" } }, 415, /application\/json/],
    [
      "broken JSON",
      { headers: { "content-type": "application/json" }, data: Buffer.from('{"reason": "Left') },
      400,
      /not valid JSON/,
    ],
    [
      "a cross-site origin",
      { headers: { origin: "https://evil.example" }, data: { reason: "Left the company" } },
      403,
      /Cross-site/,
    ],
  ];
  for (const [label, options, status, message] of cases) {
    const response = await request.post(`/api/users/${id}/deactivate`, options);
    expect(response.status(), label).toBe(status);
    expect((await response.json()).error.message, label).toMatch(message);
  }
  expect([await workfrontRequests(request), await auditTotal(request)]).toEqual(before);
});

test("an unknown API route answers a JSON 404", async ({ request }) => {
  const response = await request.get("/api/nothing/here");
  expect(response.status()).toBe(404);
  expect((await response.json()).error.code).toBe("not_found");
});
