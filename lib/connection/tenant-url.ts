import "server-only";
import { ApiError } from "@/lib/http/errors";

/**
 * The tenant an admin typed, as an origin. Accepts Workfront's "domain" (`acme` →
 * https://acme.my.workfront.com), a host (`acme.my.workfront.adobe.com`), or a full URL whose
 * path is ignored. Plain http only for this machine (the emulator): anywhere else the credential
 * would cross the network in clear.
 */
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function tenantOriginFrom(input: string): string {
  const text = input.trim();
  const invalid = () => new ApiError(400, "invalid_tenant", "Enter the Workfront domain (acme) or its address (https://acme.my.workfront.com).");
  if (!text || /\s/.test(text)) throw invalid();
  const withHost = /^[a-z0-9-]+$/i.test(text) ? `${text}.my.workfront.com` : text;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(withHost) ? withHost : `https://${withHost}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw invalid();
  }
  if (url.username || url.password) {
    throw new ApiError(400, "invalid_tenant", "The Workfront address must not contain a user name or password.");
  }
  if (url.protocol === "http:" && !LOOPBACK.has(url.hostname)) {
    throw new ApiError(400, "invalid_tenant", "The Workfront address must use https (plain http only reaches this machine's emulator).");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw invalid();
  return url.origin;
}
