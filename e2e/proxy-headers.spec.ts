import { blockingOf } from "@/lib/offboarding/impact/blocking";
import type { ImpactCounts } from "@/lib/offboarding/impact/types";
import { type APIRequestContext, expect, request as playwrightRequest, test } from "@playwright/test";
import type { RunningEmulator } from "../emulator";
import type { AuditEventDto } from "@/lib/audit/dto";
import type { UserListPage } from "@/lib/offboarding/user-dto";
import { apiSignIn } from "./support/api-session";
import { type RunningApp, startApp, startExtraEmulator } from "./support/app-process";
import { demoAccounts } from "./support/fixtures";
import { extraAppPorts } from "./support/servers";

/**
 * What a client may claim about itself through forwarding headers, against an app with no trusted
 * proxy (TRUSTED_PROXY_HOPS=0: the socket's address is the only truth) and one behind one proxy
 * (=1: exactly the last X-Forwarded-For entry). This runner talks to both directly, so with one
 * hop it plays the proxy as well: the last entry it sends is the one "the proxy" appended.
 */
const cases = [
  {
    name: "direct",
    hops: 0,
    port: extraAppPorts.direct,
    /** What a client sends to pose as another address. */
    spoof: (n: number) => ({ "x-forwarded-for": `198.51.100.${n}` }),
    recorded: "127.0.0.1",
  },
  {
    name: "proxied",
    hops: 1,
    port: extraAppPorts.proxied,
    // The client's own claim, then the address the proxy appended.
    spoof: (n: number) => ({ "x-forwarded-for": `198.51.100.${n}, 203.0.113.5` }),
    recorded: "203.0.113.5",
  },
] as const;

test.describe.configure({ timeout: 90_000 });

let emulator: RunningEmulator;
test.beforeAll(async () => {
  emulator = await startExtraEmulator();
});
test.afterAll(async () => {
  await emulator.close();
});

for (const setup of cases) {
  test.describe(`TRUSTED_PROXY_HOPS=${setup.hops}`, () => {
    // Starting an app of its own takes a while on a busy machine.
    test.describe.configure({ timeout: 120_000 });
    let app: RunningApp;
    let operator: APIRequestContext;

    test.beforeAll(async () => {
      app = await startApp(setup.name, setup.port, { TRUSTED_PROXY_HOPS: String(setup.hops) });
      operator = await playwrightRequest.newContext({ baseURL: app.url });
      expect(await apiSignIn(operator, demoAccounts.operator.email, demoAccounts.operator.password, setup.spoof(1))).toBeNull();
    });
    test.afterAll(async () => {
      await operator?.dispose();
      await app?.stop();
    });

    test("the audit row records the trusted address, and a request ID the app made", async () => {
      const { users } = (await (await operator.get("/api/users?status=active&pageSize=50")).json()) as UserListPage;
      const candidates = users.filter((user) => !user.isAdmin && !user.protection);
      // Someone whose open work does not block deactivation (issue 16's gate would refuse them).
      const impact = (await (await operator.post("/api/users/impact", { data: { userIds: candidates.map((user) => user.id) } })).json()) as {
        people: Record<string, ImpactCounts>;
      };
      const target = candidates.find((user) => blockingOf(impact.people[user.id]!).length === 0)!;
      const changed = await operator.post(`/api/users/${target.id}/deactivate`, {
        headers: { ...setup.spoof(2), "x-request-id": "forged-request-id" },
        data: { reason: "Left the company" },
      });
      expect(changed.status()).toBe(200);
      const { rows } = (await (await operator.get(`/api/audit?target=${target.id}`)).json()) as { rows: AuditEventDto[] };
      expect(rows[0]).toMatchObject({ targetId: target.id, clientIp: setup.recorded });
      expect(rows[0]!.requestId).not.toBe("forged-request-id");
    });

    test("a cross-site Origin is refused, whatever X-Forwarded-Host claims", async () => {
      const evil = { origin: "https://evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };
      const { users } = (await (await operator.get("/api/users?status=active&pageSize=50")).json()) as UserListPage;
      const target = users.find((user) => !user.isAdmin && !user.protection)!;
      const attempts = [
        operator.post(`/api/users/${target.id}/deactivate`, { headers: evil, data: { reason: "Left the company" } }),
        operator.post("/api/jobs", { headers: evil, data: { kind: "deactivate", userIds: [target.id], reason: "Left the company" } }),
        operator.post("/api/preferences/locale", { headers: evil, data: { locale: "de" } }),
      ];
      for (const response of await Promise.all(attempts)) {
        expect(response.status()).toBe(403);
        expect((await response.json()).error.code).toBe("cross_origin");
      }
      // The app's own origin still passes.
      const own = await operator.post("/api/preferences/locale", { headers: { origin: app.url }, data: { locale: "en" } });
      expect(own.status()).toBe(200);
    });

    // Last: it locks the address it counts against for 15 minutes.
    test("the per-address sign-in limit cannot be dodged by claiming other addresses", async () => {
      const guesser = await playwrightRequest.newContext({ baseURL: app.url });
      const answers: (string | null)[] = [];
      // Another e-mail each time, so only the per-address limit (20 failures) applies.
      for (let attempt = 0; attempt < 21; attempt += 1) {
        answers.push(await apiSignIn(guesser, `nobody-${attempt}@demo.local`, "wrong password", setup.spoof(10 + attempt)));
      }
      await guesser.dispose();
      expect(answers.slice(0, 20)).toEqual(Array(20).fill("CredentialsSignin"));
      expect(answers[20]).toBe("Throttled");
      expect(app.output()).toContain(`"address":"${setup.recorded}"`);
      expect(app.output()).not.toContain("198.51.100.");
    });
  });
}
