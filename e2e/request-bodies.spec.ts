import http from "node:http";
import { Readable } from "node:stream";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import type { RunningEmulator } from "../emulator";
import { apiSignIn } from "./support/api-session";
import { type RunningApp, startApp, startExtraEmulator } from "./support/app-process";
import { demoAccounts } from "./support/fixtures";
import { peakResidentBytes, residentBytes, resetPeak } from "./support/process-memory";
import { extraAppPorts } from "./support/servers";

/**
 * Request bodies are bounded before they are read, and strangers are refused before anything is
 * read. On an app of its own, whose server process the test measures.
 */
test.describe.configure({ timeout: 120_000 });

const MB = 1024 * 1024;

let emulator: RunningEmulator;
let app: RunningApp;
// Starting an app of its own takes a while on a busy machine.
test.describe.configure({ timeout: 120_000 });
test.beforeAll(async () => {
  emulator = await startExtraEmulator();
  app = await startApp("measured", extraAppPorts.measured, {});
});
test.afterAll(async () => {
  await app?.stop();
  await emulator?.close();
});

/**
 * POSTs `totalBytes` of JSON whitespace as a chunked body (no Content-Length), made chunk by chunk
 * as the socket takes them, never held whole; stops sending when the answer arrives.
 */
function postChunked(path: string, totalBytes: number, headers: Record<string, string> = {}) {
  const chunk = Buffer.alloc(64 * 1024, " ");
  let sent = 0;
  const source = new Readable({
    read() {
      if (sent >= totalBytes) return void this.push(null);
      sent += chunk.length;
      this.push(chunk);
    },
  });
  return new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
    const request = http.request(
      `${app.url}${path}`,
      { method: "POST", headers: { "content-type": "application/json", origin: app.url, ...headers } },
      (response) => {
        let body = "";
        response.on("data", (data: Buffer) => (body += data.toString()));
        response.on("end", () => {
          source.unpipe(request);
          request.destroy();
          resolve({ status: response.statusCode ?? 0, body, sent });
        });
      },
    );
    request.on("error", reject);
    source.pipe(request);
  });
}

/** Runs `work` and returns how far the server's resident memory rose above where it was. */
async function memoryGrowth(work: () => Promise<void>): Promise<number> {
  const before = residentBytes(app.pid);
  resetPeak(app.pid);
  await work();
  return peakResidentBytes(app.pid) - before;
}

test("a stranger gets 401 for any request, never a message about its input", async () => {
  const stranger = await playwrightRequest.newContext({ baseURL: app.url });
  const answers = await Promise.all([
    stranger.get("/api/users?pageSize=7&sort=nonsense"),
    stranger.get("/api/users/not-an-id"),
    stranger.get("/api/users/counts?q=" + "x".repeat(5000)),
    stranger.get("/api/jobs/not-a-job?state=nonsense"),
    stranger.get("/api/audit?from=yesterday"),
    stranger.post("/api/users/not-an-id/deactivate", { data: { nonsense: true } }),
    stranger.post("/api/jobs", { data: { kind: "explode" } }),
    stranger.post("/api/jobs/not-a-job/cancel", { headers: { "content-type": "text/plain" }, data: "x" }),
    stranger.post("/api/users/match", { data: "not json", headers: { "content-type": "application/json" } }),
    stranger.post("/api/settings/workfront", { data: { method: "carrier pigeon" } }),
  ]);
  for (const response of answers) {
    expect(response.status(), response.url()).toBe(401);
    expect((await response.json()).error.code, response.url()).toBe("unauthenticated");
  }
  await stranger.dispose();
});

test("a stranger's 300 MB chunked body is refused with 401 before it is read", async () => {
  let answer: { status: number; body: string; sent: number } | undefined;
  const growth = await memoryGrowth(async () => {
    answer = await postChunked("/api/jobs", 300 * MB);
  });
  expect(answer!.status).toBe(401);
  expect(growth).toBeLessThan(50 * MB);
  expect(answer!.sent).toBeLessThan(300 * MB);
});

test("a signed-in operator's 300 MB chunked body gets 413 at the route's limit, and memory stays flat", async () => {
  const operator = await playwrightRequest.newContext({ baseURL: app.url });
  expect(await apiSignIn(operator, demoAccounts.operator.email, demoAccounts.operator.password)).toBeNull();
  const cookie = (await operator.storageState()).cookies.map(({ name, value }) => `${name}=${value}`).join("; ");
  let answer: { status: number; body: string; sent: number } | undefined;
  const growth = await memoryGrowth(async () => {
    answer = await postChunked("/api/jobs", 300 * MB, { cookie });
  });
  expect(answer!.status).toBe(413);
  expect(JSON.parse(answer!.body).error.code).toBe("payload_too_large");
  expect(growth).toBeLessThan(50 * MB);
  expect(answer!.sent).toBeLessThan(300 * MB);

  // The server still answers, on a new connection.
  expect((await operator.get("/api/jobs")).status()).toBe(200);
  await operator.dispose();
});
