import { expect, test } from "@playwright/test";
import { emulatorUrl, openEmulatorUrl } from "./support/servers";

/**
 * Both emulators anchor their seeded history where WF_EMULATOR_ANCHOR_DAY says (`npm run
 * test:e2e:days` sets it for the webServer commands), else at the UTC day they started: so a
 * per-day run really runs on that day's history, and says so if the variable stops being read.
 */
const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

test("the emulators' history is anchored at WF_EMULATOR_ANCHOR_DAY, else at the day they started", async ({ request }) => {
  const wanted = process.env.WF_EMULATOR_ANCHOR_DAY;
  // Without the variable: today, or yesterday for servers started before midnight UTC.
  const days = wanted ? [wanted] : [utcDay(Date.now()), utcDay(Date.now() - 86_400_000)];
  for (const url of [emulatorUrl, openEmulatorUrl]) {
    const response = await request.get(`${url}/__emulator/info`);
    expect(response.ok(), url).toBe(true);
    const { anchorDay } = (await response.json()) as { anchorDay: string };
    expect(days, url).toContain(anchorDay);
  }
});
