import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

/** Liveness for load balancers and Playwright's webServer: answers without calling Workfront. */
export function GET() {
  return NextResponse.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
