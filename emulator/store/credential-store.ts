import { randomBytes } from "node:crypto";

interface KeyEntry {
  userID: string;
  issuedAt: number;
  /** Set by the control API to model a key past its expiry date. */
  expired: boolean;
}

interface SessionEntry {
  userID: string;
  /** Epoch ms after which the session no longer works; login sessions never expire. */
  expiresAt: number | null;
  /** The OAuth2 app whose token this is; undefined for /login and control-API sessions. */
  clientId?: string;
}

interface RefreshEntry {
  userID: string;
  clientId: string;
}

/** An OAuth2 token answer before it is put on the wire. */
export interface IssuedTokens {
  accessToken: string;
  /** Undefined when none was issued (a JWT exchange without `jwtRefreshTokens`). */
  refreshToken: string | undefined;
  expiresAt: number;
}

const newToken = (): string => randomBytes(16).toString("hex");

/**
 * API keys (one per user, as in Workfront) and sessions. The integration user's seeded key is
 * remembered so that the control API can restore it after a test expired or revoked it.
 */
export class CredentialStore {
  private readonly keys = new Map<string, KeyEntry>();
  private readonly keyByUser = new Map<string, string>();
  private readonly sessions = new Map<string, SessionEntry>();
  private readonly refreshTokens = new Map<string, RefreshEntry>();

  constructor(
    private readonly integrationUserID: string,
    private readonly integrationKey: string,
    now: number,
  ) {
    this.install(integrationUserID, integrationKey, now);
  }

  /** The user a key belongs to, or undefined when unknown, cleared, expired or past its TTL. */
  resolveKey(key: string, ttlMs: number, now: number): string | undefined {
    const entry = this.keys.get(key);
    if (!entry || entry.expired || now - entry.issuedAt > ttlMs) return undefined;
    return entry.userID;
  }

  /** The user's current usable key, or "" (what getApiKey answers when there is none). */
  currentKey(userID: string, ttlMs: number, now: number): string {
    const key = this.keyByUser.get(userID);
    return key && this.resolveKey(key, ttlMs, now) === userID ? key : "";
  }

  /**
   * What the user's key is like, without the key: none (never made, cleared or revoked), expired
   * (by the control API or past its TTL) or valid, with when it was issued.
   */
  keyState(userID: string, ttlMs: number, now: number): { state: "none" | "expired" | "valid"; issuedAt: number | null } {
    const key = this.keyByUser.get(userID);
    const entry = key ? this.keys.get(key) : undefined;
    if (!entry) return { state: "none", issuedAt: null };
    const expired = entry.expired || now - entry.issuedAt > ttlMs;
    return { state: expired ? "expired" : "valid", issuedAt: entry.issuedAt };
  }

  /** generateApiKey: a fresh key replaces the user's old one, which stops working. */
  generate(userID: string, now: number): string {
    const key = newToken();
    this.install(userID, key, now);
    return key;
  }

  clear(userID: string): boolean {
    const key = this.keyByUser.get(userID);
    if (!key) return false;
    this.keys.delete(key);
    this.keyByUser.delete(userID);
    return true;
  }

  expire(userID: string): boolean {
    const key = this.keyByUser.get(userID);
    const entry = key ? this.keys.get(key) : undefined;
    if (!entry) return false;
    entry.expired = true;
    return true;
  }

  restoreIntegrationKey(now: number): string {
    this.install(this.integrationUserID, this.integrationKey, now);
    return this.integrationKey;
  }

  /** Workfront restarts every key's clock when the expiry setting changes (manage-api-keys.md). */
  restartClocks(now: number): void {
    for (const entry of this.keys.values()) entry.issuedAt = now;
  }

  createSession(userID: string): string {
    const sessionID = newToken();
    this.sessions.set(sessionID, { userID, expiresAt: null });
    return sessionID;
  }

  /** The session's user, or undefined when it is unknown, ended or past its expiry. */
  resolveSession(sessionID: string, now: number = Date.now()): string | undefined {
    const entry = this.sessions.get(sessionID);
    if (!entry || (entry.expiresAt !== null && now >= entry.expiresAt)) return undefined;
    return entry.userID;
  }

  /**
   * OAuth2: an access token (a sessionID that expires after `ttlMs`) and, unless `refresh` is
   * "none", a refresh token. With `rotate`, `replacing` (the refresh token just used) stops working.
   */
  issueOAuthTokens(
    userID: string,
    clientId: string,
    ttlMs: number,
    now: number,
    replacing?: { refreshToken: string; rotate: boolean },
    refresh: "issue" | "none" = "issue",
  ): IssuedTokens {
    const accessToken = newToken();
    const expiresAt = now + ttlMs;
    this.sessions.set(accessToken, { userID, expiresAt, clientId });
    if (refresh === "none") return { accessToken, refreshToken: undefined, expiresAt };
    let refreshToken = newToken();
    if (replacing && !replacing.rotate) refreshToken = replacing.refreshToken;
    else if (replacing) this.refreshTokens.delete(replacing.refreshToken);
    this.refreshTokens.set(refreshToken, { userID, clientId });
    return { accessToken, refreshToken, expiresAt };
  }

  /** The refresh token's user and app, or undefined when it is unknown or was rotated away. */
  resolveRefreshToken(refreshToken: string): RefreshEntry | undefined {
    return this.refreshTokens.get(refreshToken);
  }

  /** Ends every OAuth2 access token now (of one app, or of all); refresh tokens keep working. */
  expireOAuthSessions(now: number, clientId?: string): number {
    let count = 0;
    for (const entry of this.sessions.values()) {
      if (entry.clientId === undefined || (clientId !== undefined && entry.clientId !== clientId)) continue;
      if (entry.expiresAt !== null && entry.expiresAt <= now) continue;
      entry.expiresAt = now;
      count++;
    }
    return count;
  }

  /** A deleted OAuth2 app: its access and refresh tokens all stop working. */
  revokeOAuthApp(clientId: string): void {
    for (const [token, entry] of this.sessions) if (entry.clientId === clientId) this.sessions.delete(token);
    for (const [token, entry] of this.refreshTokens)
      if (entry.clientId === clientId) this.refreshTokens.delete(token);
  }

  endSession(sessionID: string): boolean {
    return this.sessions.delete(sessionID);
  }

  private install(userID: string, key: string, now: number): void {
    this.clear(userID);
    // The same key string cannot belong to two users.
    const previousOwner = this.keys.get(key)?.userID;
    if (previousOwner) this.keyByUser.delete(previousOwner);
    this.keys.set(key, { userID, issuedAt: now, expired: false });
    this.keyByUser.set(userID, key);
  }
}
