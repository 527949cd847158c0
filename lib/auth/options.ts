import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { z } from "zod";
import { type Database, getDb } from "@/lib/db";
import { type Env, env } from "@/lib/env";
import { clientAddress } from "@/lib/http/request";
import { logger } from "@/lib/logger";
import { endSessions, verifyCredentials } from "./accounts";
import { nextAuthLogger } from "./next-auth-logger";
import { signInWithSso } from "./sso-accounts";
import { type Claims, ssoProfileFromClaims } from "./sso-profile";
import { SSO_PROVIDER_ID, ssoProvider } from "./sso-provider";
import { SSO_REFUSAL_COOKIE, type SsoRefusalNote, refusalCookieOptions, refusalNote, sealRefusal } from "./sso-refusal";
import { roleGroupsFrom } from "./sso-roles";
import { recordSuccess, reserveAttempt, throttleKeys } from "./throttle";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1024),
});

export const SESSION_MAX_AGE_S = 8 * 60 * 60;

export interface AuthDependencies {
  db: () => Promise<Database>;
  /** Leaves the no-access page a note of a refused single sign-on (a cookie; see sso-refusal.ts). */
  noteRefusal: (note: SsoRefusalNote) => Promise<void>;
}

/** next-auth: local accounts and/or single sign-on, as configured. */
export function authOptions(): NextAuthOptions {
  const config = env();
  return buildAuthOptions(config, { db: getDb, noteRefusal: (note) => setRefusalCookie(config, note) });
}

/** The options for a given configuration, with the database and cookie passed in for tests. */
export function buildAuthOptions(config: Env, deps: AuthDependencies): NextAuthOptions {
  const sso = ssoProvider(config);
  const roleGroups = roleGroupsFrom(config);
  return {
    secret: config.AUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    logger: nextAuthLogger,
    providers: [...(config.AUTH_LOCAL_ACCOUNTS ? [credentialsProvider(deps)] : []), ...(sso ? [sso] : [])],
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider !== SSO_PROVIDER_ID) return true;
        // `profile` is the IdP's claims (ID token, completed from userinfo); `user` is what our
        // provider's profile() made of them.
        const sso = ssoProfileFromClaims((profile ?? {}) as Claims, config.AUTH_OIDC_GROUPS_CLAIM);
        const decision = await signInWithSso(await deps.db(), sso, roleGroups);
        if (!decision.ok) {
          logger.warn({ email: decision.email, reason: decision.reason, groups: sso.groups?.length ?? null }, "single sign-on refused");
          await deps.noteRefusal(refusalNote(decision.reason, decision.email, sso.groups));
          // A reason code only: the page reads who was refused from the sealed cookie.
          return `/no-access?reason=${decision.reason}`;
        }
        logger.info({ accountId: decision.account.id, email: decision.account.email, role: decision.account.role }, "single sign-on");
        // Without a database adapter next-auth hands this same object to the jwt callback as
        // `user` (next-auth/core/routes/callback.js), so the session gets our account's ID, not
        // the IdP's subject.
        user.id = decision.account.id;
        user.sessionVersion = decision.account.sessionVersion;
        return true;
      },
      jwt({ token, user, account }) {
        if (user) {
          token.accountId = user.id;
          token.signInMethod = account?.provider === SSO_PROVIDER_ID ? "sso" : "password";
          token.sessionVersion = user.sessionVersion;
        }
        return token;
      },
      session({ session, token }) {
        session.accountId = token.accountId;
        session.signInMethod = token.signInMethod;
        session.sessionVersion = token.sessionVersion;
        return session;
      },
    },
    events: {
      // Signing out ends every session of the account, not only this browser's cookie: a cookie
      // copied before sign-out is refused after it. A session that had already ended ends nothing.
      async signOut({ token }) {
        if (!token?.accountId || typeof token.sessionVersion !== "number") return;
        if (await endSessions(await deps.db(), token.accountId, token.sessionVersion)) {
          logger.info({ accountId: token.accountId }, "signed out: every session of the account ended");
        }
      },
    },
  };
}

/** E-mail and password sign-in, throttled per e-mail and per client address. */
function credentialsProvider(deps: AuthDependencies) {
  return CredentialsProvider({
    name: "Email and password",
    credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
    async authorize(credentials, request) {
      const parsed = credentialsSchema.safeParse(credentials);
      if (!parsed.success) return null;
      const address = clientAddress(new Headers(request.headers as Record<string, string>));
      const keys = throttleKeys(parsed.data.email, address);
      const db = await deps.db();
      // Counted before the password is checked, so that no burst gets more checks than the limit.
      const throttle = await reserveAttempt(db, keys);
      if (!throttle.allowed) {
        logger.info({ email: parsed.data.email, address }, "sign-in throttled");
        // A code, not a sentence: the sign-in page shows it in the reader's language.
        throw new Error("Throttled");
      }
      const account = await verifyCredentials(db, parsed.data.email, parsed.data.password);
      if (!account) {
        logger.info({ email: parsed.data.email, address }, "sign-in refused");
        return null;
      }
      await recordSuccess(db, keys);
      return { id: account.id, email: account.email, name: account.name, sessionVersion: account.sessionVersion };
    },
  });
}

async function setRefusalCookie(config: Env, note: SsoRefusalNote): Promise<void> {
  // Without a configured secret (a dev server) next-auth makes up its own; the page then shows
  // the reason without the person's details.
  if (!config.AUTH_SECRET) return;
  const secure = config.NEXTAUTH_URL?.startsWith("https://") ?? false;
  (await cookies()).set(SSO_REFUSAL_COOKIE, await sealRefusal(note, config.AUTH_SECRET), refusalCookieOptions(secure));
}
