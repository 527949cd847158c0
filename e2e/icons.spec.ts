import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./support/fixtures";

/**
 * The app's icons (public/, named in the root layout's metadata): every page names a light and a
 * dark SVG, favicon.ico and an iOS icon, each of them answers with an image, and no page load
 * asks for an icon that answers 404 (before there was none, every load got a 404 for /favicon.ico).
 */
const ICON_PATH = /(^\/favicon\.ico$)|icon/i;

async function iconLinks(page: Page): Promise<{ rel: string; href: string; media: string | null }[]> {
  return page.locator('head link[rel~="icon"], head link[rel="apple-touch-icon"]').evaluateAll((links) =>
    links.map((link) => ({
      rel: link.getAttribute("rel") ?? "",
      href: new URL(link.getAttribute("href") ?? "", document.baseURI).pathname,
      media: link.getAttribute("media"),
    })),
  );
}

test("every page names its icons, light and dark, and no icon or /favicon.ico answers 404", async ({ page }) => {
  const notFound: string[] = [];
  page.on("response", (response) => {
    const path = new URL(response.url()).pathname;
    if (response.status() === 404 && ICON_PATH.test(path)) notFound.push(`${path} on ${page.url()}`);
  });

  await page.goto("/sign-in");
  const expected = [
    { rel: "icon", href: "/favicon.ico", media: null },
    { rel: "icon", href: "/icon-light.svg", media: "(prefers-color-scheme: light)" },
    { rel: "icon", href: "/icon-dark.svg", media: "(prefers-color-scheme: dark)" },
    { rel: "apple-touch-icon", href: "/apple-icon.png", media: null },
  ];
  expect(await iconLinks(page)).toEqual(expect.arrayContaining(expected));

  await signIn(page, "admin");
  for (const path of ["/users", "/audit", "/import", "/jobs", "/settings", "/no-access"]) {
    await page.goto(path);
    expect(await iconLinks(page), path).toEqual(expect.arrayContaining(expected));
  }
  // A dark browser theme loads the same pages with the same icons.
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/users");

  const types: Record<string, RegExp> = {
    "/favicon.ico": /^image\/(x-icon|vnd\.microsoft\.icon)/,
    "/icon-light.svg": /^image\/svg\+xml/,
    "/icon-dark.svg": /^image\/svg\+xml/,
    "/apple-icon.png": /^image\/png/,
  };
  for (const [path, type] of Object.entries(types)) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"], path).toMatch(type);
    expect((await response.body()).length, path).toBeGreaterThan(100);
  }
  expect(notFound).toEqual([]);
});
