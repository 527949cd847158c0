import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { bearerOf } from "@/lib/api-tokens/secret";
import { env } from "@/lib/env";
import { readBounded } from "./body";
import { clientAddressFrom } from "./client-address";
import { ApiError } from "./errors";

/** Request plumbing shared by the route handlers: bodies, origin checks, addresses, IDs. */
const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

export interface ReadJsonOptions {
  /** Larger bodies get 413; default 64 KiB (a bulk job of 2,000 IDs needs more). */
  maxBytes?: number;
  /** An empty body reads as `{}`, for actions whose body is optional. */
  optional?: boolean;
}

function tooLarge(maxBytes: number): ApiError {
  return new ApiError(413, "payload_too_large", `The body is larger than ${Math.round(maxBytes / 1024)} KiB.`);
}

const isJson = (type: string) => /^application\/json\s*(;|$)/i.test(type);
const notJson = () => new ApiError(415, "unsupported_media_type", "Send the body as JSON with Content-Type: application/json.");

/**
 * Parses a JSON body with a schema: 415 for another content type, 413 past `maxBytes` (declared
 * or counted while reading; nothing past the limit is read), 400 if invalid. Call it after the
 * caller is authenticated, so that a stranger's body is never read at all. A body-less action
 * (`optional`) takes no body, or JSON; any other content type is refused even when empty.
 */
export async function readJson<T extends z.ZodType>(
  request: Request,
  schema: T,
  { maxBytes = DEFAULT_MAX_BODY_BYTES, optional = false }: ReadJsonOptions = {},
): Promise<z.infer<T>> {
  const type = request.headers.get("content-type");
  if (type !== null ? !isJson(type) : !optional) throw notJson();
  if (Number(request.headers.get("content-length") ?? "0") > maxBytes) throw tooLarge(maxBytes);
  const body = await readBounded(request.body, maxBytes);
  if (body === "too_large") throw tooLarge(maxBytes);
  const text = body.toString("utf8");
  if (optional && text.trim() === "") return schema.parse({});
  if (type === null) throw notJson();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_json", "The body is not valid JSON.");
  }
  return schema.parse(json);
}

/**
 * Refuses cross-site mutations: a browser always sends Origin on a POST, and it must be ours.
 * Scripts that send no Origin (curl, servers) are not browsers and pass; they still need a session.
 * Requests with an API token (`Authorization: Bearer`) are not checked: they are authenticated by
 * the token alone, never by cookies (lib/auth/session.ts), so a cross-site page could only send
 * one by knowing the token, and a browser will not send that header cross-site without CORS,
 * which this app never grants.
 * "Ours" is the configured public URL (NEXTAUTH_URL) when set, else the Host the browser asked
 * for; never X-Forwarded-Host, which any client can send.
 */
export function assertSameOrigin(request: Request): void {
  if (bearerOf(request.headers.get("authorization")) !== null) return;
  const origin = request.headers.get("origin");
  if (origin && !isSameOrigin(origin, request.headers.get("host"), env().NEXTAUTH_URL)) {
    throw new ApiError(403, "cross_origin", "Cross-site requests are not allowed.");
  }
}

/** Whether a browser's Origin is the app's own: the public URL's origin, or else the Host's. */
export function isSameOrigin(origin: string, host: string | null, publicUrl: string | undefined): boolean {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (publicUrl) return parsed.origin === new URL(publicUrl).origin;
  if (!host) return false;
  try {
    // Through URL, so "example.com:80" and "example.com" compare as the browser sees them.
    return parsed.host === new URL(`${parsed.protocol}//${host}`).host;
  } catch {
    return false;
  }
}

/** The client's address: the socket's, or with TRUSTED_PROXY_HOPS proxies, as client-address.ts says. */
export function clientAddress(headers: Headers): string | null {
  return clientAddressFrom(headers, env().TRUSTED_PROXY_HOPS);
}

/**
 * A new ID for the request's audit row and log lines. A client's X-Request-Id is never used: any
 * caller could send one to make its rows look like another's.
 */
export function requestId(): string {
  return randomUUID();
}
