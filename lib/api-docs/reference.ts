import type { Role } from "@/lib/auth/roles";
import { openApiDocument } from "./openapi";

/** One operation of the OpenAPI description, flattened for the reference page (app/(dashboard)/api-docs). */
export interface OperationView {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string | null;
  role: Role | null;
  parameters: { name: string; in: string; required: boolean; schema: string }[];
  body: string | null;
  responses: { status: string; description: string }[];
}

interface DocumentOperation {
  operationId: string;
  summary: string;
  description?: string;
  "x-role"?: Role;
  parameters: { name: string; in: string; required: boolean; schema: unknown }[];
  requestBody?: { content: { "application/json": { schema: unknown } } };
  responses: Record<string, { description: string }>;
}

/** The operations in the description's order, each schema as compact JSON. */
export function apiReference(): OperationView[] {
  const document = openApiDocument() as { paths: Record<string, Record<string, DocumentOperation>> };
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      id: operation.operationId,
      method: method.toUpperCase(),
      path,
      summary: operation.summary,
      description: operation.description ?? null,
      role: operation["x-role"] ?? null,
      parameters: operation.parameters.map((p) => ({ name: p.name, in: p.in, required: p.required, schema: JSON.stringify(p.schema) })),
      body: operation.requestBody ? JSON.stringify(operation.requestBody.content["application/json"].schema, null, 2) : null,
      responses: Object.entries(operation.responses).map(([status, answer]) => ({ status, description: answer.description })),
    })),
  );
}
