import { expect, request as playwrightRequest, test } from "@playwright/test";
import type { RunningEmulator } from "../emulator";
import { apiSignIn, csrfToken, postCredentials } from "./support/api-session";
import { type RunningApp, startApp, startExtraEmulator } from "./support/app-process";
import { demoAccounts } from "./support/fixtures";
import { extraAppPorts } from "./support/servers";

/**
 * The per-account sign-in limit (5 password checks per 15 minutes) holds against a parallel burst.
 * On an app of its own: the burst locks the account it aims at.
 */
test.describe.configure({ timeout: 90_000 });

let emulator: RunningEmulator;
let app: RunningApp;
test.beforeAll(async () => {
  emulator = await startExtraEmulator();
  app = await startApp("burst", extraAppPorts.burst, {});
});
test.afterAll(async () => {
  await app?.stop();
  await emulator?.close();
});

test("60 wrong passwords at once get at most 5 checks; then the right one does not sign in", async () => {
  const { email, password } = demoAccounts.viewer;
  const guesser = await playwrightRequest.newContext({ baseURL: app.url });
  // One CSRF token for all: parallel token requests would each set a new cookie.
  const token = await csrfToken(guesser);
  const answers = await Promise.all(Array.from({ length: 60 }, (_, n) => postCredentials(guesser, token, email, `wrong-${n}`)));
  // CredentialsSignin: the password was checked and was wrong. Throttled: it was never checked.
  const checked = answers.filter((answer) => answer === "CredentialsSignin").length;
  expect(checked).toBeLessThanOrEqual(5);
  expect(answers.filter((answer) => answer === "Throttled")).toHaveLength(60 - checked);

  expect(await apiSignIn(guesser, email, password)).toBe("Throttled");
  expect((await guesser.get("/api/users")).status()).toBe(401);
  await guesser.dispose();
});
