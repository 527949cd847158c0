import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { API_OPERATIONS } from "./operations";
import { openApiDocument } from "./openapi";
import { HTTP_METHODS } from "./operation";

const API_DIR = join(__dirname, "..", "..", "app", "api");
/** The catch-all answers 404 for paths that are not routes: it is the absence of a route, not one. */
const NOT_ROUTES = new Set(["/api/{path}"]);

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return routeFiles(path);
    return name === "route.ts" ? [path] : [];
  });
}

/** app/api/jobs/[id]/route.ts → /api/jobs/{id}; [...nextauth] → {nextauth}. */
function apiPath(file: string): string {
  const segments = relative(join(API_DIR, ".."), file).split(sep).slice(0, -1);
  return `/${segments.map((s) => s.replace(/^\[(?:\.\.\.)?(.+)\]$/, "{$1}")).join("/")}`;
}

/**
 * The methods a route file serves: every route names them in `otherMethods(…)` (the rest answer
 * 405); a file without that call serves whatever it exports.
 */
function servedMethods(source: string): string[] {
  const other = /otherMethods\(([^)]*)\)/.exec(source);
  if (other) return [...other[1]!.matchAll(/"([A-Z]+)"/g)].map((m) => m[1]!);
  return HTTP_METHODS.filter((method) => new RegExp(`\\b(?:function|const|as) ${method}\\b`).test(source));
}

const routes = routeFiles(API_DIR)
  .map((file) => ({ file, path: apiPath(file), source: readFileSync(file, "utf8") }))
  .filter((route) => !NOT_ROUTES.has(route.path));
const served = routes.flatMap((route) => servedMethods(route.source).map((method) => `${method} ${route.path}`));
const described = API_OPERATIONS.map((operation) => `${operation.method} ${operation.path}`);

describe("the OpenAPI description", () => {
  it("finds the route files it checks (a broken walk would check nothing)", () => {
    expect(routes.length).toBeGreaterThan(15);
    expect(served).toContain("POST /api/users/{id}/deactivate");
    expect(served).toContain("GET /api/auth/{nextauth}");
    expect(served).not.toContain("PUT /api/jobs");
  });

  it("describes every method of every route file under app/api, and nothing else", () => {
    expect([...described].sort()).toEqual([...served].sort());
    expect(new Set(described).size).toBe(described.length);
  });

  it("names the permission each handler checks", () => {
    for (const route of routes) {
      const checked = [...route.source.matchAll(/requireApi(?:User|Reader)\("(\w+)"\)/g)].map((m) => m[1]);
      const documented = API_OPERATIONS.filter((operation) => operation.path === route.path).map((operation) => operation.permission);
      for (const permission of checked) expect(documented, route.path).toContain(permission);
    }
  });

  it("validates as OpenAPI 3.1, with a summary for every operation", async () => {
    const document = openApiDocument();
    const validator = new Validator();
    const result = await validator.validate(document as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    // The validator does refuse a broken description (a query parameter without its name).
    const broken = structuredClone(document) as { paths: Record<string, Record<string, { parameters: Record<string, unknown>[] }>> };
    delete broken.paths["/api/jobs"]!.get!.parameters[0]!.name;
    expect((await new Validator().validate(broken as never)).valid).toBe(false);
    for (const operation of API_OPERATIONS) expect(operation.summary.length, `${operation.method} ${operation.path}`).toBeGreaterThan(10);
  });

  it("describes requests with the handlers' own schemas", () => {
    const document = openApiDocument() as {
      paths: Record<string, Record<string, { parameters: { name: string; in: string; required: boolean }[]; requestBody?: { content: Record<string, { schema: { required?: string[]; properties?: Record<string, unknown> } }> } }>>;
    };
    const createJob = document.paths["/api/jobs"]!.post!.requestBody!.content["application/json"]!.schema;
    expect(createJob.required).toEqual(expect.arrayContaining(["kind", "userIds", "reason"]));
    expect(Object.keys(createJob.properties ?? {})).toEqual(expect.arrayContaining(["kind", "userIds", "reason", "ticket", "confirmCount", "dryRun"]));
    const job = document.paths["/api/jobs/{id}"]!.get!.parameters;
    expect(job).toContainEqual(expect.objectContaining({ name: "id", in: "path", required: true }));
    expect(job).toContainEqual(expect.objectContaining({ name: "page", in: "query", required: false }));
  });

  it("offers API tokens (bearer) for viewer and operator operations, never for admin ones, and names the leavers feed's Idempotency-Key", () => {
    type Operation = { security: Record<string, string[]>[]; parameters: { name: string; in: string; required: boolean }[]; responses: Record<string, unknown> };
    const document = openApiDocument() as { paths: Record<string, Record<string, Operation>>; components: { securitySchemes: Record<string, { type: string; scheme?: string }> } };
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
    const leavers = document.paths["/api/leavers"]!.post!;
    expect(leavers.security).toEqual([{ session: [] }, { bearer: [] }]);
    expect(leavers.parameters).toContainEqual(expect.objectContaining({ name: "Idempotency-Key", in: "header", required: true }));
    expect(leavers.responses).toHaveProperty("429");
    expect(document.paths["/api/users"]!.get!.security).toEqual([{ session: [] }, { bearer: [] }]);
    for (const path of ["/api/admin/tokens", "/api/settings/workfront"]) {
      expect(document.paths[path]!.get!.security, path).toEqual([{ session: [] }]);
      expect(document.paths[path]!.get!.responses, path).not.toHaveProperty("429");
    }
  });
});
