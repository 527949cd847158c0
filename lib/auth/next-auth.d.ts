import type { Role } from "./roles";

// The session carries only the account's ID; role and status are read fresh on every request.
declare module "next-auth" {
  interface Session {
    accountId?: string;
  }
  interface User {
    role?: Role;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    accountId?: string;
  }
}
