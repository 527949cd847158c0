import "server-only";
import { type JWT, decode } from "next-auth/jwt";

interface Cookie {
  name: string;
  value: string;
}

/**
 * The session cookie's name as next-auth picks it: `__Secure-` when the app's origin is https.
 * next-auth derives that origin from NEXTAUTH_URL, or, on a trusted host, from the forwarded
 * headers (next-auth/utils/detect-origin.js); this mirrors it so we read the cookie it wrote.
 */
export function sessionCookieName(nextAuthUrl: string | undefined, forwardedProto: string | null): string {
  const trustHost = Boolean(process.env.VERCEL ?? process.env.AUTH_TRUST_HOST);
  const secure = nextAuthUrl ? nextAuthUrl.startsWith("https://") : trustHost && forwardedProto !== "http";
  return `${secure ? "__Secure-" : ""}next-auth.session-token`;
}

/** next-auth splits a large token into `<name>.0`, `<name>.1`, …; joins them back, in order. */
export function joinChunks(cookies: readonly Cookie[], name: string): string | null {
  const whole = cookies.find((cookie) => cookie.name === name);
  if (whole) return whole.value;
  const chunks = cookies
    .filter((cookie) => cookie.name.startsWith(`${name}.`) && /^\d+$/.test(cookie.name.slice(name.length + 1)))
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
  return chunks.length > 0 ? chunks.map((chunk) => chunk.value).join("") : null;
}

/**
 * The session's claims straight from its cookie: decrypted and checked for expiry by next-auth's
 * own `decode`, as its session endpoint does, without the rest of that endpoint's machinery (about
 * half of a session check's cost on every API request; see docs/PERFORMANCE.md). Null when there
 * is no cookie or it does not decrypt with our secret or has expired.
 */
export async function readSessionToken(cookies: readonly Cookie[], name: string, secret: string): Promise<JWT | null> {
  const token = joinChunks(cookies, name);
  if (!token) return null;
  const known = verified.get(token);
  if (known && known.secret === secret) return unexpired(known.claims) ? known.claims : (verified.delete(token), null);
  let claims: JWT | null;
  try {
    claims = await decode({ token, secret });
  } catch {
    return null;
  }
  if (!claims || !unexpired(claims)) return null;
  if (verified.size >= MAX_VERIFIED) verified.delete(verified.keys().next().value!);
  verified.set(token, { secret, claims });
  return claims;
}

/**
 * Tokens that decrypted with our secret, by their text. A browser sends the same token with every
 * request until next-auth issues a new one, and decrypting it is most of a session check's own
 * cost; an entry is used only until the token's expiry. Bounded, oldest out first.
 */
const verified = new Map<string, { secret: string; claims: JWT }>();
const MAX_VERIFIED = 1_000;

const unexpired = (claims: JWT) => typeof claims.exp !== "number" || claims.exp * 1000 > Date.now();
