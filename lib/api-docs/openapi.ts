import { z } from "zod";
import { permissions } from "@/lib/auth/roles";
import type { ApiOperation } from "./operation";
import { API_OPERATIONS } from "./operations";

/**
 * The OpenAPI 3.1 description of the JSON API, built from `API_OPERATIONS` and the handlers' own
 * zod schemas (`z.toJSONSchema`, as the request arrives: `io: "input"`). Served at
 * /api/openapi.json. OpenAPI 3.1's schemas are JSON Schema 2020-12, which is what zod writes.
 */
type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodType): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return rest;
};

/** Whether a parameter may be left out: its schema takes `undefined` (optional or defaulted). */
const optional = (schema: z.ZodType) => schema.safeParse(undefined).success;

function parameters(operation: ApiOperation): JsonSchema[] {
  const path = Object.entries(operation.params?.shape ?? {}).map(([name, schema]) => ({
    name,
    in: "path",
    required: true,
    schema: toSchema(schema as z.ZodType),
  }));
  const seen = new Set<string>();
  const query = (operation.query ?? []).flatMap((object) =>
    Object.entries(object.shape).flatMap(([name, schema]) => {
      if (seen.has(name)) return [];
      seen.add(name);
      return [{ name, in: "query", required: !optional(schema as z.ZodType), schema: toSchema(schema as z.ZodType) }];
    }),
  );
  const headers = Object.entries(operation.headers?.shape ?? {}).map(([name, schema]) => ({
    name,
    in: "header",
    required: !optional(schema as z.ZodType),
    schema: toSchema(schema as z.ZodType),
  }));
  return [...path, ...query, ...headers];
}

const errorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: { code: { type: "string" }, message: { type: "string" } },
    },
  },
};

function responses(operation: ApiOperation): Record<string, JsonSchema> {
  const answers: Record<string, JsonSchema> = {};
  for (const [status, text] of Object.entries(operation.responses)) {
    answers[status] =
      Number(status) >= 400
        ? { description: text, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } }
        : { description: text };
  }
  const error = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });
  answers["400"] ??= error("invalid_request: the body or query does not match its schema");
  if (operation.permission) {
    answers["401"] ??= error("not signed in, or invalid_token: the API token is unknown, expired or revoked");
    answers["403"] ??= error(`forbidden: needs the ${permissions[operation.permission]} role`);
    if (tokenUsable(operation)) answers["429"] ??= error("rate_limited: too many requests with this API token (see Retry-After)");
  }
  return answers;
}

/** API tokens are viewer or operator, never admin: admin-only operations take a session only. */
const tokenUsable = (operation: ApiOperation) => operation.permission !== null && permissions[operation.permission] !== "admin";

function describe(operation: ApiOperation): JsonSchema {
  const role = operation.permission ? permissions[operation.permission] : null;
  return {
    operationId: `${operation.method.toLowerCase()}${operation.path.replace(/[{}]/g, "").replace(/\/(\w)/g, (_, c: string) => c.toUpperCase()).replace(/[^A-Za-z0-9]/g, "")}`,
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    // Who may call it: the least role (an extension field, so the reference page can word it).
    "x-role": role,
    parameters: parameters(operation),
    ...(operation.body ? { requestBody: { required: !optional(operation.body), content: { "application/json": { schema: toSchema(operation.body) } } } } : {}),
    responses: responses(operation),
    ...(role ? { security: tokenUsable(operation) ? [{ session: [] }, { bearer: [] }] : [{ session: [] }] } : { security: [] }),
  };
}

export function openApiDocument(operations: readonly ApiOperation[] = API_OPERATIONS): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const operation of operations) {
    (paths[operation.path] ??= {})[operation.method.toLowerCase()] = describe(operation);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "wf-offboard JSON API",
      version: "1",
      description:
        "Deactivate, reactivate and audit Workfront users. Sign in first (next-auth's session cookie; every change must come " +
        "with an Origin header of the app's own address), or send an API token an admin created in Settings as " +
        "`Authorization: Bearer wfo_…` (viewer or operator rights, never admin; rate-limited per token; no Origin check). " +
        "Errors are JSON: {error: {code, message}}.",
    },
    paths,
    components: {
      schemas: { Error: errorSchema },
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
        bearer: { type: "http", scheme: "bearer", description: "An API token (wfo_…) created by an admin in Settings → API tokens." },
      },
    },
  };
}
