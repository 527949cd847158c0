import { randomBytes } from "node:crypto";

interface KeyEntry {
  userID: string;
  issuedAt: number;
  /** Set by the control API to model a key past its expiry date. */
  expired: boolean;
}

const newToken = (): string => randomBytes(16).toString("hex");

/**
 * API keys (one per user, as in Workfront) and sessions. The integration user's seeded key is
 * remembered so that the control API can restore it after a test expired or revoked it.
 */
export class CredentialStore {
  private readonly keys = new Map<string, KeyEntry>();
  private readonly keyByUser = new Map<string, string>();
  private readonly sessions = new Map<string, string>();

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
    this.sessions.set(sessionID, userID);
    return sessionID;
  }

  resolveSession(sessionID: string): string | undefined {
    return this.sessions.get(sessionID);
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
