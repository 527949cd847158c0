import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { ConnectInput } from "@/lib/connection/connect-input";
import type { ApiKeySecret, OAuth2Secret } from "@/lib/connection/secret";
import type { OAuth2App, OAuth2Session, WorkfrontClientConfig, WorkfrontCredential } from "@/lib/workfront";
import { createLogger } from "./logger";

/** Every secret value below starts with this, so the check finds any of them in the output. */
const S = "s3cr3t";

const apiKeyCredential: WorkfrontCredential = { kind: "apiKey", apiKey: `${S}-api-key`, placement: "header" };
const sessionCredential: WorkfrontCredential = { kind: "session", sessionID: `${S}-session-id` };
const app: OAuth2App = {
  url: "https://acme.my.workfront.com",
  clientId: "client-id",
  clientSecret: `${S}-client-secret`,
  privateKeyPem: `-----BEGIN PRIVATE KEY-----\n${S}-pem\n-----END PRIVATE KEY-----`,
  customerId: "customer",
  userId: "user",
};
const session: OAuth2Session = {
  sessionID: `${S}-oauth-session`,
  refreshToken: `${S}-refresh-token`,
  issuedAt: new Date(0),
  expiresAt: new Date(3_600_000),
};
const apiKeySecret: ApiKeySecret = { kind: "apiKey", apiKey: `${S}-stored-key` };
const oauth2Secret: OAuth2Secret = {
  kind: "oauth2",
  clientId: "client-id",
  clientSecret: `${S}-stored-client-secret`,
  privateKeyPem: `${S}-stored-pem`,
  customerId: "customer",
  userId: "user",
  sessionId: `${S}-stored-session`,
  refreshToken: `${S}-stored-refresh`,
  sessionIssuedAt: new Date(0).toISOString(),
  sessionExpiresAt: new Date(3_600_000).toISOString(),
};
const connectInputs: ConnectInput[] = [
  { method: "password", tenant: "acme", username: "admin@acme.example", password: `${S}-password` },
  { method: "api_key", tenant: "acme", apiKey: `${S}-pasted-key` },
  { method: "oauth2", tenant: "acme", clientId: "id", clientSecret: `${S}-cs`, privateKeyPem: `${S}-pk`, customerId: "c", userId: "u" },
];
const clientConfig: WorkfrontClientConfig = { url: "https://acme.my.workfront.com", credential: apiKeyCredential };

/** The secret-bearing objects of lib/connection and lib/workfront, and the shapes they travel in. */
const secretBearing: Record<string, object> = {
  apiKeyCredential,
  sessionCredential,
  app,
  session,
  apiKeySecret,
  oauth2Secret,
  ...Object.fromEntries(connectInputs.map((input) => [`connect ${input.method}`, input])),
  clientConfig,
  // The transport's request headers and the OAuth2 token forms, as a debugging change might log them.
  headers: { apiKey: `${S}-header-key`, sessionID: `${S}-header-session`, Authorization: `Bearer ${S}-bearer`, Cookie: `${S}-cookie` },
  exchangeForm: { client_id: "id", client_secret: `${S}-form-secret`, jwt_token: `${S}-jwt` },
  refreshForm: { grant_type: "refresh_token", refresh_token: `${S}-form-refresh` },
  shouting: { APIKEY: `${S}-upper`, SessionId: `${S}-mixed`, "x-api-key": `${S}-dashed` },
  // The notifications' settings (lib/notify/config.ts), should one ever be logged whole.
  notify: {
    SMTP_URL: `smtp://mailer:${S}-smtp@mail.example.com`,
    email: { smtpUrl: `smtp://mailer:${S}-smtp@mail.example.com` },
    webhook: { webhookUrl: `https://hooks.slack.com/services/T/B/${S}-hook` },
    NOTIFY_WEBHOOK_URL: `https://hooks.slack.com/services/T/B/${S}-hook`,
  },
};

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger("debug", stream), text: () => lines.join("") };
}

describe("the logger", () => {
  it.each(Object.entries(secretBearing))("writes none of %s's secret values, at any depth", (name, object) => {
    const { logger, text } = capture();
    logger.debug(object, "as the merging object");
    logger.debug({ [name]: object }, "one level down");
    logger.debug({ request: { attempt: 1, detail: { config: object, list: [object] } } }, "deep, in an array");
    logger.child({ module: "test" }).debug({ object }, "from a child");
    const error = Object.assign(new Error("refused"), { detail: object });
    logger.debug({ err: error }, "on an error");
    const output = text();
    expect(output.split("\n").filter(Boolean)).toHaveLength(5);
    expect(output).not.toContain(S);
    expect(output).toContain("[redacted]");
  });

  it("keeps what is not a secret, and describes errors as before", () => {
    const { logger, text } = capture();
    logger.info({ connectionId: 7, method: "oauth2", requestId: "r-1", accountId: "a", err: new TypeError("boom") }, "kept");
    const line = JSON.parse(text()) as Record<string, unknown>;
    expect(line).toMatchObject({ connectionId: 7, method: "oauth2", requestId: "r-1", accountId: "a", msg: "kept" });
    expect(line.err).toMatchObject({ type: "TypeError", message: "boom" });
  });

  it("cuts API tokens out of any string: values, messages and errors, whatever the key", () => {
    const { logger, text } = capture();
    const token = "wfo_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0U1v";
    logger.info({ url: `/api/leavers?token=${token}`, note: `sent ${token}`, list: [token] }, `bearer ${token} refused`);
    logger.warn({ err: new Error(`Bearer ${token} was refused`) }, "error");
    logger.info("format %s", token);
    const output = text();
    expect(output).not.toContain(token.slice(4));
    expect(output).toContain("wfo_[redacted]");
    // A short word that merely starts like one is kept.
    logger.info({ field: "wfo_id" }, "kept");
    expect(text()).toContain("wfo_id");
  });

  it("survives a cycle", () => {
    const { logger, text } = capture();
    const looped: Record<string, unknown> = { password: `${S}-loop` };
    looped.self = looped;
    logger.info({ looped }, "cycle");
    expect(text()).not.toContain(S);
  });
});
