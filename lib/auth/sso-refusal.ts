import "server-only";
import { decode, encode } from "next-auth/jwt";
import { z } from "zod";
import { SSO_REFUSALS } from "./sso-accounts";

/**
 * A note of why the last single sign-on was turned away, for the no-access page: who the IdP
 * said the person was, and their groups. It travels in a short-lived, encrypted, httpOnly cookie
 * scoped to that page rather than in the URL, so no address or group lands in a URL, a history or
 * an access log, and nobody can make the page claim someone else was refused. Never a token.
 */
export const SSO_REFUSAL_COOKIE = "wfo.sso-refusal";
const MAX_AGE_S = 10 * 60;
/** Enough to recognise one's groups; keeps the cookie well under the 4 KB browsers allow. */
const MAX_GROUPS = 20;

const noteSchema = z.object({
  reason: z.enum(SSO_REFUSALS),
  email: z.string().max(254).nullable(),
  groups: z.array(z.string().max(120)).max(MAX_GROUPS),
  moreGroups: z.number().int().min(0),
});

export type SsoRefusalNote = z.infer<typeof noteSchema>;

export function refusalNote(reason: SsoRefusalNote["reason"], email: string | null, groups: readonly string[] | null): SsoRefusalNote {
  const all = groups ?? [];
  const shown = all.slice(0, MAX_GROUPS).map((group) => group.slice(0, 120));
  return { reason, email, groups: shown, moreGroups: all.length - shown.length };
}

export async function sealRefusal(note: SsoRefusalNote, secret: string): Promise<string> {
  return encode({ token: { ...note }, secret, maxAge: MAX_AGE_S, salt: SSO_REFUSAL_COOKIE });
}

/** The note, or null for a missing, expired, tampered or foreign value. */
export async function openRefusal(value: string | undefined, secret: string | undefined): Promise<SsoRefusalNote | null> {
  if (!value || !secret) return null;
  try {
    const decoded = await decode({ token: value, secret, salt: SSO_REFUSAL_COOKIE });
    const parsed = noteSchema.safeParse(decoded);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function refusalCookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: "lax", secure, path: "/no-access", maxAge: MAX_AGE_S } as const;
}
