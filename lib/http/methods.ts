import { NextResponse } from "next/server";
import { errorBody } from "./errors";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];
type Handler = () => NextResponse;

/**
 * Handlers for the methods a route does not serve: a 405 in the JSON error contract, with Allow,
 * where Next would answer an empty 405. `export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST")`.
 */
export function otherMethods<const Served extends Method[]>(...served: Served): Record<Exclude<Method, Served[number]>, Handler> {
  const allow = [...served, ...(served.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
  const refuse: Handler = () =>
    NextResponse.json(errorBody("method_not_allowed", `This route takes ${served.join(" or ")} only.`), {
      status: 405,
      headers: { allow },
    });
  return Object.fromEntries(METHODS.filter((method) => !served.includes(method)).map((method) => [method, refuse])) as Record<
    Exclude<Method, Served[number]>,
    Handler
  >;
}
