import type { Locator, Page } from "@playwright/test";
import type { UsersPage } from "./pages/users-page";
import { expect, test } from "./support/fixtures";

/**
 * Every page and the confirm dialog on a phone (issue 14): at 360 and 390 px, as Chromium's
 * mobile emulation lays pages out, nothing is wider than the screen, the header's controls are on
 * it, the users list stacks each person's fields so their action needs no sideways scroll, and
 * axe finds nothing serious. Reads only; nobody is changed.
 */

/** A full load of the users page on a busy machine takes longer than the page object's 5 s. */
async function settled(usersPage: UsersPage): Promise<void> {
  await expect(usersPage.table).toHaveAttribute("aria-busy", "false", { timeout: 20_000 });
}

async function pageFits(page: Page): Promise<void> {
  const { scrollWidth, width } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scrollWidth, `${page.url()} is ${scrollWidth} px wide on a ${width} px screen`).toBeLessThanOrEqual(width);
}

async function onScreen(page: Page, locator: Locator): Promise<void> {
  const box = await locator.boundingBox();
  const width = page.viewportSize()!.width;
  expect(box, "visible").not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `right edge of ${String(locator)}`).toBeLessThanOrEqual(width);
}

for (const width of [360, 390]) {
  test.describe(`a ${width} px phone`, () => {
    test.use({ viewport: { width, height: 780 }, isMobile: true, hasTouch: true, role: "admin" });

    test("every page fits the screen with the header's controls on it, and axe finds nothing serious", async ({ page, usersPage }) => {
      // Five pages, each scanned by axe.
      test.setTimeout(120_000);
      for (const path of ["/users", "/import", "/jobs", "/audit", "/settings"]) {
        await page.goto(path);
        await expect(page.getByRole("main")).toBeVisible();
        if (path === "/users") await settled(usersPage);
        await pageFits(page);
        await onScreen(page, page.getByRole("button", { name: "Sign out", exact: true }));
        await onScreen(page, page.getByRole("navigation").getByRole("link", { name: "Settings" }));
        expect(await usersPage.seriousAccessibilityViolations(), path).toEqual([]);
      }
    });

    test("the users list stacks each person, their action is on screen, and the dialog fits", async ({ page, usersPage }) => {
      await page.goto("/users");
      await settled(usersPage);
      const first = usersPage.rows.first();
      const name = (await first.getByRole("rowheader").textContent())!.trim();
      const action = usersPage.rowAction("Deactivate", name);
      await onScreen(page, action);
      // Stacked: the e-mail sits under the name, not beside it.
      const nameBox = (await first.getByRole("rowheader").boundingBox())!;
      const emailBox = (await first.getByRole("cell").filter({ hasText: "@" }).first().boundingBox())!;
      expect(emailBox.y).toBeGreaterThan(nameBox.y);
      await action.click();
      const dialog = usersPage.dialog;
      await expect(dialog).toBeVisible();
      await onScreen(page, dialog);
      await onScreen(page, dialog.getByRole("button", { name: "Deactivate", exact: true }));
      const overflow = await dialog.evaluate((element) => element.scrollWidth - element.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await pageFits(page);
      expect(await usersPage.seriousAccessibilityViolations()).toEqual([]);
      await dialog.getByRole("button", { name: "Cancel" }).click();
    });
  });
}
