import { expect, test } from "./support/fixtures";
import { seriousAccessibilityViolations } from "./support/axe";

/** The API's own description (issue 18), as a script fetches it against next start. */

test("GET /api/openapi.json answers 401 without a session, and the OpenAPI 3.1 description with one", async ({ request, usersPage }) => {
  const anonymous = await request.get("/api/openapi.json");
  expect(anonymous.status()).toBe(401);
  expect((await anonymous.json()).error.code).toBe("unauthenticated");

  const response = await usersPage.page.request.get("/api/openapi.json");
  expect(response.status()).toBe(200);
  const document = await response.json();
  expect(document.openapi).toBe("3.1.0");
  expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(["/api/users", "/api/jobs", "/api/users/{id}/deactivate"]));
  expect(document.paths["/api/users/{id}/deactivate"].post.requestBody.content["application/json"].schema.required).toContain("reason");
});

test("the API reference page shows every route with its parameters, in German too, and passes axe", async ({ usersPage }) => {
  const page = usersPage.page;
  await page.goto("/api-docs");
  await expect(page.getByRole("heading", { level: 1, name: "JSON API reference" })).toBeVisible();
  const deactivate = page.getByRole("region", { name: "POST /api/users/{id}/deactivate" });
  await expect(deactivate).toContainText("Deactivate one person");
  await expect(deactivate).toContainText("Operator and above");
  await expect(deactivate.getByRole("table", { name: "Parameters" }).getByRole("cell", { name: "id", exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "GET /api/health" })).toContainText("anyone, no session needed");
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  await page.context().addCookies([{ name: "wf-locale", value: "de", url: page.url() }]);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Referenz der JSON-API" })).toBeVisible();
});
