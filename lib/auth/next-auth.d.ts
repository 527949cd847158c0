import type { Role } from "./roles";

/** How the session was signed in: with a local password or through the IdP. */
type SignInMethod = "password" | "sso";

// The session carries only the account's ID and how it signed in; role and status are read from
// the database (lib/auth/session.ts), never taken from the cookie.
declare module "next-auth" {
  interface Session {
    accountId?: string;
    signInMethod?: SignInMethod;
    sessionVersion?: number;
  }
  interface User {
    role?: Role;
    /** The account's session version at sign-in (lib/auth/accounts.ts `endSessions`). */
    sessionVersion?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    accountId?: string;
    signInMethod?: SignInMethod;
    sessionVersion?: number;
  }
}
