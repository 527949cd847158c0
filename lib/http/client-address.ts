import { randomBytes } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { isIP } from "node:net";

/**
 * Who is on the other end of a request, and what of the forwarding headers may be believed.
 *
 * Next.js does not give a route handler the socket's address. `next start` only fills in
 * `X-Forwarded-For` (and `-Host`, `-Proto`, `-Port`) when the client has not sent them
 * (next/dist/server/base-server.js: `headers['x-forwarded-for'] ??= socket.remoteAddress`), so a
 * client's own values arrive untouched and the socket's address is lost. The server's `request`
 * event is therefore hooked (server-hooks.ts, installed by instrumentation.ts): before Next sees a
 * request, the socket's address is written into PEER_HEADER with a random key of this process
 * that no client can know, and with no trusted proxy the client's forwarding headers are removed.
 * A request without a valid mark (one that arrived before the hook was installed) has no known
 * address: nothing is guessed.
 */
export const PEER_HEADER = "x-wf-offboard-peer";

/** Headers only a proxy should set; with no trusted proxy a client's values are dropped. */
export const FORWARDING_HEADERS = [
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "forwarded",
  "x-real-ip",
] as const;

/** Per process, on globalThis: Next bundles the hook and the route handlers separately. */
const holder = globalThis as { __wfOffboardPeerKey?: string };

function peerKey(): string {
  holder.__wfOffboardPeerKey ??= randomBytes(16).toString("hex");
  return holder.__wfOffboardPeerKey;
}

/** "::ffff:10.0.0.1" (an IPv4 client on a dual-stack socket) → "10.0.0.1". */
function plainAddress(address: string): string {
  return address.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/**
 * Marks a request as it arrives: the socket's address under PEER_HEADER (replacing whatever the
 * client sent there), and, with no trusted proxy, no client-sent forwarding headers.
 */
export function markPeer(headers: IncomingHttpHeaders, remoteAddress: string | undefined, trustedHops: number): void {
  delete headers[PEER_HEADER];
  if (trustedHops === 0) for (const name of FORWARDING_HEADERS) delete headers[name];
  if (remoteAddress) headers[PEER_HEADER] = `${peerKey()} ${plainAddress(remoteAddress)}`;
}

/** The socket's address as the hook recorded it; null for a missing or forged mark. */
export function peerAddress(headers: Headers): string | null {
  const [key, address, ...rest] = (headers.get(PEER_HEADER) ?? "").split(" ");
  return key === peerKey() && address && rest.length === 0 && isIP(address) ? address : null;
}

/**
 * The client's address. The socket's peer is the last hop; each trusted proxy in front of the app
 * appended the address it was connected from to X-Forwarded-For. With N trusted proxies the
 * client is exactly the Nth entry from the right; anything further left was sent by the client
 * and is never used. Null when unknown (no mark, too few entries, or not an IP address).
 */
export function clientAddressFrom(headers: Headers, trustedHops: number): string | null {
  const peer = peerAddress(headers);
  if (!peer) return null;
  if (trustedHops === 0) return peer;
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const entry = forwarded[forwarded.length - trustedHops];
  return entry && isIP(plainAddress(entry)) ? plainAddress(entry) : null;
}
