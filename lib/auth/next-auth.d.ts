import type { Role } from "./roles";

/** How the session was signed in: with a local password or through the IdP. */
type SignInMethod = "password" | "sso";

// The session carries only the account's ID and how it signed in; role and status are read from
// the database (lib/auth/session.ts), never taken from the cookie.
declare module "next-auth" {
  interface Session {
    accountId?: string;
    signInMethod?: SignInMethod;
  }
  interface User {
    role?: Role;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    accountId?: string;
    signInMethod?: SignInMethod;
  }
}
