import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/**
 * Local receivers for tests (vitest and e2e): a real SMTP server (npm smtp-server) that keeps what
 * it receives, and an HTTP server standing in for a Slack/Teams webhook. Both can be told to refuse
 * the next few deliveries, to test retries.
 */
export interface ReceivedMail {
  from: string;
  to: string[];
  /** The raw message with quoted-printable and encoded words decoded, for assertions on text. */
  text: string;
  raw: string;
}

export interface SmtpReceiver {
  port: number;
  url(user?: string, password?: string): string;
  mails: ReceivedMail[];
  /** Answers the next `count` messages with a temporary failure (451). */
  refuseNext(count: number): void;
  /** Authentications tried (user names only). */
  logins: string[];
  close(): Promise<void>;
}

const fromHex = (text: string) => text.replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

/** Headers with RFC 2047 encoded words decoded, then the body undone from quoted-printable: enough for tests. */
export function decodeMail(raw: string): string {
  const split = raw.indexOf("\r\n\r\n");
  const head = (split < 0 ? raw : raw.slice(0, split)).replace(/\r\n[ \t]+/g, " ");
  const body = split < 0 ? "" : raw.slice(split + 4);
  const headers = head
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, encoding: string, data: string) =>
      encoding.toUpperCase() === "B"
        ? Buffer.from(data, "base64").toString("utf8")
        : Buffer.from(fromHex(data.replace(/_/g, " ")), "latin1").toString("utf8"),
    );
  const quoted = /content-transfer-encoding:\s*quoted-printable/i.test(head);
  const text = quoted ? Buffer.from(fromHex(body.replace(/=\r?\n/g, "")), "latin1").toString("utf8") : Buffer.from(body, "latin1").toString("utf8");
  return `${headers}\r\n\r\n${text}`;
}

export async function startSmtpReceiver(options: { user?: string; password?: string; port?: number } = {}): Promise<SmtpReceiver> {
  const mails: ReceivedMail[] = [];
  const logins: string[] = [];
  let refusals = 0;
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS"],
    authOptional: !options.password,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      logins.push(auth.username ?? "");
      if (auth.username === options.user && auth.password === options.password) callback(null, { user: auth.username });
      else callback(new Error("Invalid username or password"));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (refusals > 0) {
          refusals -= 1;
          const error = Object.assign(new Error("Try again later"), { responseCode: 451 });
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks).toString("latin1");
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw,
          text: decodeMail(raw),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: (user, password) =>
      user ? `smtp://${encodeURIComponent(user)}:${encodeURIComponent(password ?? "")}@127.0.0.1:${port}` : `smtp://127.0.0.1:${port}`,
    mails,
    logins,
    refuseNext: (count) => {
      refusals = count;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface WebhookReceiver {
  port: number;
  url: string;
  calls: { path: string; body: unknown }[];
  /** Answers the next `count` calls with `status` (default 500). */
  failNext(count: number, status?: number): void;
  close(): Promise<void>;
}

export async function startWebhookReceiver(options: { port?: number; path?: string } = {}): Promise<WebhookReceiver> {
  const calls: { path: string; body: unknown }[] = [];
  let failures = 0;
  let failStatus = 500;
  const path = options.path ?? "/hooks/T000/B000/test-token";
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      if (failures > 0) {
        failures -= 1;
        response.writeHead(failStatus).end("failure");
        return;
      }
      let body: unknown = null;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        body = Buffer.concat(chunks).toString("utf8");
      }
      calls.push({ path: request.url ?? "", body });
      response.writeHead(200, { "content-type": "text/plain" }).end("ok");
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}${path}`,
    calls,
    failNext: (count, status = 500) => {
      failures = count;
      failStatus = status;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
