import type { NextRequest } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { respond } from "@/lib/http/errors";
import { jobIdFrom, jobResponse } from "@/lib/jobs/routes";
import { jobQuerySchema } from "@/lib/jobs/schemas";
import { otherMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

/** GET /api/jobs/{id}?page=&pageSize=&state=<item state>|remaining → JobDetailDto */
export function GET(request: NextRequest, context: { params: Promise<{ id: string }> }) {
  return respond(async () => {
    await requireApiUser("viewAudit");
    const id = await jobIdFrom(context);
    const query = jobQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
    return jobResponse(id, { query });
  });
}

/** Other methods: a JSON 405 (lib/http/methods.ts). */
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
