import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { z } from "zod";
import { requireApiUser } from "@/lib/auth/session";
import { respond } from "@/lib/http/errors";
import { otherMethods } from "@/lib/http/methods";
import { assertSameOrigin, readJson } from "@/lib/http/request";
import { appDeps } from "@/lib/offboarding/deps";
import { indexState, refreshIndex, tenantOf } from "@/lib/user-index";

export const dynamic = "force-dynamic";

/**
 * POST /api/users/index/refresh (no body) → {refreshedAt, written}: asks Workfront now who
 * changed since the last refresh (a full read if the index has none yet, or the counts disagree).
 * While another refresh of the tenant runs, answers when that one is done ({busy: true}). A
 * refused credential is the usual 503 workfront_auth, so the page can say "reconnect".
 */
export function POST(request: Request) {
  return respond(async () => {
    assertSameOrigin(request);
    await requireApiUser("viewUsers");
    await readJson(request, z.object({}).strict(), { maxBytes: 1024, optional: true });
    const deps = await appDeps();
    const report = await refreshIndex(deps, `request:${randomUUID()}`);
    const state = await indexState(deps.db, tenantOf(deps.client));
    return NextResponse.json(
      { busy: report.kind === "busy", written: report.written, refreshedAt: state?.refreshedAt.toISOString() ?? null },
      { headers: { "cache-control": "no-store" } },
    );
  });
}

/** Other methods: a JSON 405 (lib/http/methods.ts). */
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
