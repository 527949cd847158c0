import { NextResponse } from "next/server";
import { env } from "@/lib/env";
import { requireApiUser } from "@/lib/auth/session";
import { ApiError, respond } from "@/lib/http/errors";
import { assertSameOrigin, readJson } from "@/lib/http/request";
import { appDeps } from "@/lib/offboarding/deps";
import { MAX_IMPORT_CHARS, matchBodySchema, matchLeavers } from "@/lib/offboarding/match-leavers";
import { LeaversFileError } from "@/lib/offboarding/parse-leavers";
import { otherMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

/**
 * POST /api/users/match {text} or {csv, column?} → MatchReportDto: each line of a leavers list
 * matched to a Workfront user, with what a deactivation run would do. A file that cannot be read
 * at all is 422 with a code saying why: binary_file, too_many_lines, empty_file, or no_column /
 * unknown_column (these two add `error.header`, the CSV's column names, to choose from).
 */
export function POST(request: Request) {
  return respond(async () => {
    assertSameOrigin(request);
    const user = await requireApiUser("runBulkJobs");
    const body = await readJson(request, matchBodySchema, { maxBytes: MAX_IMPORT_CHARS * 2 });
    try {
      const report = await matchLeavers(await appDeps(), body, user.role, request.signal, { timeZone: env().APP_TIME_ZONE, now: () => new Date() });
      return NextResponse.json(report, { headers: { "cache-control": "no-store" } });
    } catch (error) {
      if (!(error instanceof LeaversFileError)) throw error;
      if (!error.header) throw new ApiError(422, error.code, error.message);
      // The one extra field of the error contract: the header, so the UI can ask for the column.
      return NextResponse.json(
        { error: { code: error.code, message: error.message, header: error.header } },
        { status: 422 },
      );
    }
  });
}

/** Other methods: a JSON 405 (lib/http/methods.ts). */
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
