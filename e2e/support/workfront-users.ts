import { expect } from "@playwright/test";
import { e2eApiKey, emulatorUrl } from "./servers";

/**
 * The main emulator's users as Workfront's own API shows them, with the app's key: for a spec that
 * must change what the app cannot (who is a System Administrator), and put it back after.
 */
const api = `${emulatorUrl}/attask/api/v21.0`;

async function call(method: "GET" | "PUT", path: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${api}/${path}`, { method, headers: { apiKey: e2eApiKey } });
  expect(response.ok, `${method} ${path}`).toBe(true);
  return ((await response.json()) as { data: Record<string, unknown> }).data;
}

export async function accessLevelOf(userId: string): Promise<string> {
  return String((await call("GET", `user/${userId}?fields=accessLevelID`)).accessLevelID);
}

export async function setAccessLevel(userId: string, accessLevelId: string): Promise<void> {
  const updates = encodeURIComponent(JSON.stringify({ accessLevelID: accessLevelId }));
  await call("PUT", `user/${userId}?updates=${updates}`);
}
