import { NextResponse } from "next/server";
import { errorBody } from "@/lib/http/errors";

/** Any other /api path: a JSON 404 rather than an HTML page, so scripts get the usual error shape. */
function notFound() {
  return NextResponse.json(errorBody("not_found", "There is no such API route. See the README's JSON API section."), {
    status: 404,
  });
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
