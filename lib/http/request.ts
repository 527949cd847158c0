import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { env } from "@/lib/env";
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

/** Parses a JSON body with a schema: 415 for another content type, 413 if too big, 400 if invalid. */
export async function readJson<T extends z.ZodType>(
  request: Request,
  schema: T,
  { maxBytes = DEFAULT_MAX_BODY_BYTES, optional = false }: ReadJsonOptions = {},
): Promise<z.infer<T>> {
  if (Number(request.headers.get("content-length") ?? "0") > maxBytes) throw tooLarge(maxBytes);
  const text = await request.text();
  if (optional && text.trim() === "") return schema.parse({});
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new ApiError(415, "unsupported_media_type", "Send the body as JSON with Content-Type: application/json.");
  }
  if (Buffer.byteLength(text) > maxBytes) throw tooLarge(maxBytes);
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
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (!origin) return;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = "";
  }
  if (!host || originHost !== host) {
    throw new ApiError(403, "cross_origin", "Cross-site requests are not allowed.");
  }
}

/**
 * The client's address. `next start` appends the socket's peer to X-Forwarded-For, so the last
 * entry is trustworthy; each trusted proxy in front of the app moves it one entry to the left.
 */
export function clientAddress(headers: Headers): string | null {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries[entries.length - 1 - env().TRUSTED_PROXY_HOPS] ?? null;
}

export function requestId(headers: Headers): string {
  const given = headers.get("x-request-id");
  return given && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
}
