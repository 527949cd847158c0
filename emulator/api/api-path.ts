import { WfError } from "../core/errors";
import { findObjectDef } from "../model/schema";
import type { Params } from "../query/params";

/** The newest API version (v22, 2026-05-08); the unversioned path follows it (update-default-api-versioning.md). */
export const DEFAULT_API_VERSION = "22.0";

export interface ApiPath {
  /** "21.0"; the newest version for the unversioned and internal paths. */
  version: string;
  /** True when the path names its version (`/attask/api/v21.0/…`). */
  explicitVersion: boolean;
  /** The base that batch URIs are relative to, e.g. "/attask/api/v21.0". */
  base: string;
  /** Decoded path segments after the base: ["user", "search"]. */
  segments: string[];
}

// /attask/api/v21.0/user, /attask/api/user, and the internal/unsupported bases Adobe's JS client knows.
const API_PATH = /^(\/attask\/api(?:-internal|-unsupported)?)(?:\/v(\d+\.\d+))?(?=\/|$)(.*)$/i;

export function parseApiPath(pathname: string): ApiPath | null {
  const match = API_PATH.exec(pathname);
  if (!match) return null;
  const version = match[2] ?? DEFAULT_API_VERSION;
  const base = match[2] ? `${match[1]}/v${match[2]}` : (match[1] ?? "/attask/api");
  return { version, explicitVersion: match[2] !== undefined, base, segments: splitSegments(match[3] ?? "") };
}

export function splitSegments(path: string): string[] {
  try {
    return path
      .split("/")
      .filter((s) => s.length > 0)
      .map((s) => decodeURIComponent(s));
  } catch {
    throw new WfError("invalidParameter", `Malformed path ${path}`);
  }
}

const TOP_LEVEL = new Set(["batch", "login", "logout", "metadata"]);
const COLLECTION_ENDPOINTS = new Set(["search", "count", "report", "metadata"]);

/** The stats key of a call: "GET USER/search", "PUT USER/:id", "POST batch", "PUT USER?action=getApiKey". */
export function routeKey(method: string, segments: string[], params: Params): string {
  const [head = "", second, third] = segments;
  const lower = head.toLowerCase();
  if (TOP_LEVEL.has(lower) && segments.length === 1) return `${method} ${lower}`;
  const code = findObjectDef(head)?.objCode ?? (head || "/");
  const action = params.get("action");
  const withAction = (key: string): string => (action ? `${key}?action=${action}` : key);
  if (second === undefined) return withAction(`${method} ${code}`);
  if (COLLECTION_ENDPOINTS.has(second.toLowerCase())) return `${method} ${code}/${second.toLowerCase()}`;
  if (third === undefined) return withAction(`${method} ${code}/:id`);
  return `${method} ${code}/:id/${third}`;
}
