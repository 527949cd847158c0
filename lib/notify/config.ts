import "server-only";
import { type Env, env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import type { NotificationChannel } from "./vocabulary";

export interface EmailSettings {
  /** smtp(s)://user:password@host:port: a secret, never logged, never stored in the outbox. */
  smtpUrl: string;
  from: string;
  to: readonly string[];
  /** The digest's recipients (HR); NOTIFY_EMAIL_TO when not set apart. */
  digestTo: readonly string[];
}

export interface WebhookSettings {
  /** Slack's and Teams' webhook URLs carry their token: a secret, never logged. */
  webhookUrl: string;
  format: "slack" | "teams";
}

/** The notifications' settings: the SMTP_URL and NOTIFY_* variables of lib/env.ts. */
export interface NotifyConfig {
  email: EmailSettings | null;
  webhook: WebhookSettings | null;
  locale: Locale;
  timeZone: string;
  /** The dashboard's public URL, for links in messages (NEXTAUTH_URL), if known. */
  appUrl: string | null;
  digestHour: number;
  maxAttempts: number;
  retryBaseMs: number;
  retryCapMs: number;
  pollMs: number;
}

type NotifyEnv = Pick<
  Env,
  | "SMTP_URL"
  | "NOTIFY_EMAIL_FROM"
  | "NOTIFY_EMAIL_TO"
  | "NOTIFY_DIGEST_EMAIL_TO"
  | "NOTIFY_WEBHOOK_URL"
  | "NOTIFY_WEBHOOK_FORMAT"
  | "NOTIFY_LOCALE"
  | "NOTIFY_DIGEST_HOUR"
  | "NOTIFY_MAX_ATTEMPTS"
  | "NOTIFY_RETRY_BASE_MS"
  | "NOTIFY_RETRY_CAP_MS"
  | "NOTIFY_POLL_MS"
  | "APP_TIME_ZONE"
  | "NEXTAUTH_URL"
>;

export function notifyConfig(source: NotifyEnv = env()): NotifyConfig {
  const email =
    source.SMTP_URL && source.NOTIFY_EMAIL_FROM && source.NOTIFY_EMAIL_TO.length > 0
      ? {
          smtpUrl: source.SMTP_URL,
          from: source.NOTIFY_EMAIL_FROM,
          to: source.NOTIFY_EMAIL_TO,
          digestTo: source.NOTIFY_DIGEST_EMAIL_TO.length > 0 ? source.NOTIFY_DIGEST_EMAIL_TO : source.NOTIFY_EMAIL_TO,
        }
      : null;
  return {
    email,
    webhook: source.NOTIFY_WEBHOOK_URL ? { webhookUrl: source.NOTIFY_WEBHOOK_URL, format: source.NOTIFY_WEBHOOK_FORMAT } : null,
    locale: source.NOTIFY_LOCALE,
    timeZone: source.APP_TIME_ZONE,
    appUrl: source.NEXTAUTH_URL ?? null,
    digestHour: source.NOTIFY_DIGEST_HOUR,
    maxAttempts: source.NOTIFY_MAX_ATTEMPTS,
    retryBaseMs: source.NOTIFY_RETRY_BASE_MS,
    retryCapMs: source.NOTIFY_RETRY_CAP_MS,
    pollMs: source.NOTIFY_POLL_MS,
  };
}

/** The channels a new notification goes to: those configured. */
export function configuredChannels(config: Pick<NotifyConfig, "email" | "webhook">): NotificationChannel[] {
  const channels: NotificationChannel[] = [];
  if (config.email) channels.push("email");
  if (config.webhook) channels.push("webhook");
  return channels;
}
