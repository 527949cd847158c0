import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/http/request";
import { logger } from "@/lib/logger";
import { verifyCredentials } from "./accounts";
import { checkThrottle, recordFailure, recordSuccess } from "./throttle";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1024),
});

export const SESSION_MAX_AGE_S = 8 * 60 * 60;

/** next-auth with local accounts. Sign-in is throttled per e-mail and per client address. */
export function authOptions(): NextAuthOptions {
  const config = env();
  return {
    secret: config.AUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    logger: {
      error: (code, metadata) => logger.error({ code, metadata }, "next-auth error"),
      warn: (code) => logger.warn({ code }, "next-auth warning"),
      debug: () => {},
    },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request) {
          const parsed = credentialsSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const address = clientAddress(new Headers(request.headers as Record<string, string>));
          const keys = [`email:${parsed.data.email}`, ...(address ? [`ip:${address}`] : [])];
          const db = await getDb();
          const throttle = await checkThrottle(db, keys);
          if (!throttle.allowed) {
            throw new Error("Too many failed sign-ins. Wait 15 minutes, then try again.");
          }
          const account = await verifyCredentials(db, parsed.data.email, parsed.data.password);
          if (!account) {
            await recordFailure(db, keys);
            logger.info({ email: parsed.data.email, address }, "sign-in refused");
            return null;
          }
          await recordSuccess(db, keys);
          return { id: account.id, email: account.email, name: account.name };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.accountId = user.id;
        return token;
      },
      session({ session, token }) {
        session.accountId = token.accountId;
        return session;
      },
    },
  };
}
