import http from "node:http";
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { appUrl } from "./support/servers";

/**
 * Security headers on every page and API answer, a Content-Security-Policy the app runs under
 * without a single violation, no framing, and the JSON error contract where Next or Node would
 * answer a bare status.
 */

/** Collects CSP violations the page reports, from the first script on. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return async () => [...console, ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations))];
}

function expectPageHeaders(headers: Record<string, string>) {
  const policy = headers["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).not.toContain("unsafe-eval");
  expect(headers).toMatchObject({
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
  });
  expect(headers["permissions-policy"]).toContain("camera=()");
  // The e2e app's public URL is plain http: no HSTS (it would pin a host that has no https).
  expect(headers["strict-transport-security"]).toBeUndefined();
}

test.describe("pages", () => {
  test.use({ role: "admin" });

  test("every page has the headers and runs under its policy without a violation", async ({ page, usersPage }) => {
    const violations = await watchViolations(page);
    const pages = ["/users", "/users?status=deactivated", "/import", "/jobs", "/audit", "/settings", "/no-access", "/no-such-page"];
    for (const path of pages) {
      const response = await page.goto(path);
      expectPageHeaders(response!.headers());
      await page.waitForLoadState("networkidle");
      expect(await violations(), path).toEqual([]);
    }
    // The nonce is new on every answer.
    const nonces = await Promise.all(
      [1, 2].map(async () => (await page.request.get("/users")).headers()["content-security-policy"]?.match(/nonce-([^']+)/)?.[1]),
    );
    expect(nonces[0]).not.toEqual(nonces[1]);
    // A dialog (Radix adds styles at run time), then sign-out.
    await usersPage.goto();
    const first = (await usersPage.names())[0]!;
    await usersPage.rowAction("Deactivate", first).click();
    await expect(usersPage.dialog).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(usersPage.dialog).toBeHidden();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    expect(await violations()).toEqual([]);
  });

  test("the sign-in page too, before anyone signs in", async ({ browser }) => {
    const page = await browser.newPage();
    const violations = await watchViolations(page);
    const response = await page.goto("/sign-in");
    expectPageHeaders(response!.headers());
    await expect(page.getByLabel("E-mail")).toBeEnabled();
    expect(await violations()).toEqual([]);
    await page.close();
  });
});

test("no page can be framed by another site", async ({ page }) => {
  await page.setContent(`<iframe title="app" src="${appUrl}/sign-in"></iframe>`);
  await expect.poll(() => page.frames()[1]?.url()).toMatch(/^chrome-error:/);
  await expect(page.frameLocator("iframe").getByLabel("E-mail")).toHaveCount(0);
});

test("API answers forbid everything a document could do, and say nosniff", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.headers()).toMatchObject({
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
  });
});

test("a method a route does not take gets a JSON 405 naming the ones it does", async ({ request }) => {
  for (const [method, path, allow] of [
    ["PUT", "/api/users", "GET, HEAD, OPTIONS"],
    ["GET", `/api/jobs/${randomUUID()}/cancel`, "POST, OPTIONS"],
    ["DELETE", "/api/jobs", "GET, POST, HEAD, OPTIONS"],
  ] as const) {
    const response = await request.fetch(path, { method });
    expect(response.status(), `${method} ${path}`).toBe(405);
    expect(response.headers().allow).toBe(allow);
    expect((await response.json()).error.code).toBe("method_not_allowed");
  }
});

test("headers over Node's limit get a JSON 431", async () => {
  const answer = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
    const request = http.get(`${appUrl}/api/health`, { headers: { "x-padding": "a".repeat(20_000) } }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, type: response.headers["content-type"] ?? "", body }));
    });
    request.on("error", reject);
  });
  expect(answer.status).toBe(431);
  expect(answer.type).toBe("application/json");
  expect(JSON.parse(answer.body).error.code).toBe("headers_too_large");
});

test.describe("body-less actions", () => {
  test.use({ role: "admin" });

  test("refuse text/plain with 415, like every other action", async ({ usersPage }) => {
    const request = usersPage.page.request;
    const job = randomUUID();
    for (const path of [`/api/jobs/${job}/cancel`, `/api/jobs/${job}/undo`, `/api/jobs/${job}/resume`, `/api/jobs/${job}/retry`, "/api/settings/workfront/test"]) {
      for (const body of ["", "{}"]) {
        const response = await request.post(path, { headers: { "content-type": "text/plain" }, data: body });
        expect(response.status(), `${path} ${JSON.stringify(body)}`).toBe(415);
        expect((await response.json()).error.code).toBe("unsupported_media_type");
      }
    }
  });
});
