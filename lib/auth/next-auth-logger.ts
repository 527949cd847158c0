import "server-only";
import type { LoggerInstance } from "next-auth";
import { logger } from "@/lib/logger";

/**
 * next-auth's log calls, kept to what is safe to store. Its metadata can hold the IdP's claims
 * (OAUTH_PARSE_PROFILE_ERROR), request bodies, and openid-client errors that carry the ID token
 * itself as a property; pino would write all of it. Only names, messages and the provider's
 * own error description are kept.
 */
export function safeAuthMetadata(metadata: unknown): Record<string, unknown> {
  if (metadata instanceof Error) return { error: describeError(metadata) };
  if (typeof metadata !== "object" || metadata === null) return {};
  const source = metadata as Record<string, unknown>;
  const kept: Record<string, unknown> = {};
  if (source.error !== undefined) kept.error = describeError(source.error);
  if (typeof source.providerId === "string") kept.providerId = source.providerId;
  if (typeof source.error_description === "string") kept.errorDescription = source.error_description.slice(0, 300);
  if (typeof source.message === "string") kept.message = source.message.slice(0, 300);
  return kept;
}

function describeError(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message.slice(0, 500) };
  if (typeof error === "object" && error !== null && "message" in error) {
    return { name: String((error as { name?: unknown }).name ?? "Error"), message: String(error.message).slice(0, 500) };
  }
  return { name: "Error", message: String(error).slice(0, 500) };
}

export const nextAuthLogger: Partial<LoggerInstance> = {
  error: (code, metadata) => logger.error({ code, ...safeAuthMetadata(metadata) }, "next-auth error"),
  warn: (code) => logger.warn({ code }, "next-auth warning"),
  // Debug output carries tokens and profiles; it is never wanted in our logs.
  debug: () => {},
};
