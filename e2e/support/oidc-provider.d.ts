/**
 * The little of oidc-provider's API that the test identity provider uses. The package ships no
 * types and @types/oidc-provider is not installed; this keeps e2e/support/oidc-server.ts checked.
 */
declare module "oidc-provider" {
  import type { Server } from "node:http";

  export interface ClaimsAccount {
    accountId: string;
    claims(use: "id_token" | "userinfo", scope: string): Promise<Record<string, unknown>> | Record<string, unknown>;
  }

  export interface Grant {
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    save(): Promise<string>;
  }

  export interface KoaContextWithOIDC {
    oidc: {
      client?: { clientId: string };
      session?: { accountId?: string; grantIdFor(clientId: string): string | undefined };
      params?: Record<string, unknown>;
      result?: { consent?: { grantId?: string } };
      provider: Provider;
    };
  }

  export interface Configuration {
    clients: Record<string, unknown>[];
    jwks?: { keys: Record<string, unknown>[] };
    cookies?: { keys: string[] };
    claims?: Record<string, string[]>;
    scopes?: string[];
    features?: Record<string, unknown>;
    pkce?: { required?: () => boolean };
    conformIdTokenClaims?: boolean;
    findAccount(ctx: KoaContextWithOIDC, sub: string): Promise<ClaimsAccount | undefined>;
    loadExistingGrant?(ctx: KoaContextWithOIDC): Promise<Grant | undefined>;
    renderError?(ctx: unknown, out: Record<string, string>, error: Error): Promise<void>;
  }

  export class Provider {
    constructor(issuer: string, configuration: Configuration);
    Grant: { new (init: { accountId?: string; clientId?: string }): Grant; find(id: string): Promise<Grant | undefined> };
    listen(port: number, host: string, callback?: () => void): Server;
    proxy: boolean;
  }

  export default Provider;
}
