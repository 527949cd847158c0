/**
 * What the browser gets about the Workfront connection: types only (the Settings page and the
 * dashboard banner import them). Never a credential: at most its last four characters (`hint`).
 */
import type { ConnectionMethod, ConnectionState } from "./vocabulary";

export type ConnectionSource = "environment" | "stored" | "none";

export interface WorkfrontUserDto {
  id: string;
  name: string | null;
  email: string | null;
}

export interface ConnectionDto {
  tenantUrl: string;
  method: ConnectionMethod;
  /** Last four characters of the API key or OAuth2 client ID. */
  hint: string | null;
  connectedBy: string | null;
  connectedAt: string | null;
  /** API keys only: when it was made (exact) or first seen here (`keyCreatedExact: false`). */
  keyCreatedAt: string | null;
  keyCreatedExact: boolean;
  /** keyCreatedAt + WORKFRONT_KEY_LIFETIME_DAYS. */
  keyExpiresAt: string | null;
  /** Within WORKFRONT_KEY_WARN_DAYS of keyExpiresAt (or past it). */
  keyExpiresSoon: boolean;
  workfrontUser: WorkfrontUserDto | null;
  mayEditUsers: boolean | null;
  state: ConnectionState;
  reconnectReason: string | null;
  reconnectAt: string | null;
  lastTestedAt: string | null;
}

export interface ConnectionStatusDto {
  source: ConnectionSource;
  /** WORKFRONT_API_KEY is set: the page may test, but not connect or disconnect. */
  locked: boolean;
  /** A secret to encrypt a stored credential is configured (else connecting is refused). */
  canStore: boolean;
  /** WORKFRONT_URL, offered as the tenant when connecting. */
  suggestedTenant: string;
  keyWarnDays: number;
  keyLifetimeDays: number;
  connection: ConnectionDto | null;
}

export interface TestResultDto {
  ok: boolean;
  code: string | null;
  message: string;
}

export interface DisconnectResultDto {
  /** cleared: Workfront invalidated the key; already_invalid: it no longer worked; not_applicable: OAuth2. */
  key: "cleared" | "already_invalid" | "not_applicable";
  message: string;
}
