import { expect, test } from "./support/fixtures";

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
