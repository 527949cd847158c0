import { type KeyObject, createPublicKey, randomBytes, timingSafeEqual } from "node:crypto";
import { WfError } from "../core/errors";

/** "At most 10 OAuth2 apps per instance" (create-oauth-application.md). */
export const MAX_OAUTH_APPS = 10;

/** A Machine-to-Machine (JWT) OAuth2 application, as Setup › System › OAuth2 Applications makes one. */
export interface OAuthApp {
  clientId: string;
  clientSecret: string;
  /** The Customer ID the JWT's `iss` must carry. */
  customerId: string;
  /** The Workfront user who registered the public key: the JWT's `sub`, and whom the tokens act as. */
  userId: string;
  publicKey: KeyObject;
  publicKeyPem: string;
  createdAt: number;
}

/** What the control API shows of an app (the key as PEM, not as an object). */
export interface OAuthAppView {
  clientId: string;
  clientSecret: string;
  customerId: string;
  userId: string;
  publicKeyPem: string;
}

export const viewOf = (app: OAuthApp): OAuthAppView => ({
  clientId: app.clientId,
  clientSecret: app.clientSecret,
  customerId: app.customerId,
  userId: app.userId,
  publicKeyPem: app.publicKeyPem,
});

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The registered apps. They belong to the instance's setup, not to its data, so they survive
 * `POST /__emulator/reset` (which does end their tokens).
 */
export class OAuthApps {
  private readonly apps = new Map<string, OAuthApp>();

  register(input: { customerId: string; userId: string; publicKeyPem: string }, now: number): OAuthApp {
    if (this.apps.size >= MAX_OAUTH_APPS)
      throw new WfError("validation", `An instance may have at most ${MAX_OAUTH_APPS} OAuth2 applications`);
    let publicKey: KeyObject;
    try {
      publicKey = createPublicKey(input.publicKeyPem);
    } catch (error) {
      throw new WfError(
        "invalidParameter",
        `publicKeyPem is not a PEM public key: ${(error as Error).message}`,
      );
    }
    if (publicKey.asymmetricKeyType !== "rsa")
      throw new WfError(
        "invalidParameter",
        `publicKeyPem must be an RSA key (RS256), not ${publicKey.asymmetricKeyType}`,
      );
    const app: OAuthApp = {
      clientId: randomBytes(16).toString("hex"),
      clientSecret: randomBytes(24).toString("base64url"),
      customerId: input.customerId,
      userId: input.userId,
      publicKey,
      publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
      createdAt: now,
    };
    this.apps.set(app.clientId, app);
    return app;
  }

  /** The app when both halves of the client credential match, else undefined. */
  authenticate(clientId: string, clientSecret: string): OAuthApp | undefined {
    const app = this.apps.get(clientId);
    return app && sameSecret(app.clientSecret, clientSecret) ? app : undefined;
  }

  get(clientId: string): OAuthApp | undefined {
    return this.apps.get(clientId);
  }

  remove(clientId: string): boolean {
    return this.apps.delete(clientId);
  }

  list(): OAuthApp[] {
    return [...this.apps.values()];
  }
}
