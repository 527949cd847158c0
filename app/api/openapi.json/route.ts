import { NextResponse } from "next/server";
import { openApiDocument } from "@/lib/api-docs/openapi";
import { requireApiUser } from "@/lib/auth/session";
import { respond } from "@/lib/http/errors";
import { otherMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

/** GET /api/openapi.json → the OpenAPI 3.1 description of this API, for anyone signed in. */
export function GET() {
  return respond(async () => {
    await requireApiUser("viewUsers");
    return NextResponse.json(openApiDocument(), { headers: { "cache-control": "no-store" } });
  });
}

/** Other methods: a JSON 405 (lib/http/methods.ts). */
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
