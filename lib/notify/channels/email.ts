import "server-only";
import nodemailer from "nodemailer";
import type { EmailSettings } from "../config";
import { type Channel, ChannelError } from "./types";

/**
 * E-mail through SMTP with nodemailer. Its own logging stays off (it would print the SMTP
 * conversation); a failure is described by code and reply, with anything that could hold the
 * password (the URL's user and password, AUTH's base64) taken out before it is stored or logged.
 */
export function emailChannel(settings: EmailSettings, options: { timeoutMs?: number } = {}): Channel {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const transport = nodemailer.createTransport({
    url: settings.smtpUrl,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    logger: false,
    debug: false,
  });
  const secrets = secretsOf(settings.smtpUrl);
  return {
    async send(message, { digest }) {
      try {
        await transport.sendMail({
          from: settings.from,
          to: [...(digest ? settings.digestTo : settings.to)],
          subject: message.subject,
          text: message.text,
        });
      } catch (error) {
        throw new ChannelError(scrub(describeSmtpError(error), secrets));
      }
    },
    close: () => transport.close(),
  };
}

function describeSmtpError(error: unknown): string {
  if (!(error instanceof Error)) return "SMTP: the message was not accepted";
  const { code, responseCode } = error as { code?: string; responseCode?: number };
  return `SMTP ${[code, responseCode].filter(Boolean).join(" ")}: ${error.message}`.slice(0, 400);
}

/** The URL's user and password in every spelling a server or nodemailer might echo. */
function secretsOf(smtpUrl: string): string[] {
  const url = new URL(smtpUrl);
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  if (!password) return [];
  return [
    password,
    url.password,
    Buffer.from(password).toString("base64"),
    Buffer.from(`\u0000${user}\u0000${password}`).toString("base64"),
    Buffer.from(`${user}\u0000${user}\u0000${password}`).toString("base64"),
  ].filter((secret) => secret.length >= 3);
}

export function scrub(text: string, secrets: readonly string[]): string {
  return secrets.reduce((result, secret) => result.split(secret).join("[redacted]"), text);
}
