import { NextResponse } from "next/server";
import { setUsersColumns, usersColumnsBodySchema } from "@/lib/auth/preferences";
import { requireApiUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { ApiError, respond } from "@/lib/http/errors";
import { otherMethods } from "@/lib/http/methods";
import { assertSameOrigin, readJson } from "@/lib/http/request";

/** PUT /api/preferences/users-columns {"columns": ["company", …]}: the users table's columns, for this account. */
export function PUT(request: Request) {
  return respond(async () => {
    assertSameOrigin(request);
    const user = await requireApiUser("viewUsers");
    // A person's own choice: an API token speaks for a script, not for its creator's screen.
    if (user.token) throw new ApiError(403, "session_only", "Preferences belong to a person signed in, not to an API token.");
    const { columns } = await readJson(request, usersColumnsBodySchema, { maxBytes: 2048 });
    await setUsersColumns(await getDb(), user.id, columns);
    return NextResponse.json({ columns });
  });
}

/** Other methods: a JSON 405 (lib/http/methods.ts). */
export const { GET, POST, PATCH, DELETE } = otherMethods("PUT");
