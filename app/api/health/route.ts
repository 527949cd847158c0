import { NextResponse } from "next/server";
import { otherMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

/** Liveness for load balancers and Playwright's webServer: answers without calling Workfront. */
export function GET() {
  return NextResponse.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}

/** Other methods: a JSON 405 (lib/http/methods.ts). */
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
