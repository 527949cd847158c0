import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { notifyConfig } from "./config";
import { webhookBody } from "./channels/webhook";

describe("webhook bodies", () => {
  const message = { subject: "Deactivation job finished", text: "Done: 2" };

  it("slack: {text} — Slack's incoming webhooks (and Teams' retired connectors) read it", () => {
    expect(webhookBody(message, "slack")).toEqual({ text: "*Deactivation job finished*\nDone: 2" });
  });

  it("teams: a message holding an Adaptive Card, as Teams' Workflows webhooks expect", () => {
    expect(webhookBody(message, "teams")).toEqual({
      type: "message",
      attachments: [
        expect.objectContaining({
          contentType: "application/vnd.microsoft.card.adaptive",
          content: expect.objectContaining({
            type: "AdaptiveCard",
            body: [
              expect.objectContaining({ type: "TextBlock", text: "Deactivation job finished" }),
              expect.objectContaining({ type: "TextBlock", text: "Done: 2" }),
            ],
          }),
        }),
      ],
    });
  });
});

describe("notification settings", () => {
  it("both channels are optional", () => {
    const config = notifyConfig(parseEnv({}));
    expect([config.email, config.webhook]).toEqual([null, null]);
  });

  it("e-mail needs a sender and recipients; the error names variables, never the password", () => {
    expect(() => parseEnv({ SMTP_URL: "smtp://user:hunter2-secret@mail.example.com:587" })).toThrow(/SMTP_URL: needs NOTIFY_EMAIL_FROM and NOTIFY_EMAIL_TO/);
    let message = "";
    try {
      parseEnv({ SMTP_URL: "smtp://user:hunter2-secret@mail.example.com:587", NOTIFY_EMAIL_TO: "not-an-address" });
    } catch (error) {
      message = String(error);
    }
    expect(message).toMatch(/NOTIFY_EMAIL_TO/);
    expect(message).not.toContain("hunter2-secret");
  });

  it("reads the channels, the recipients lists and the digest's own recipients", () => {
    const config = notifyConfig(
      parseEnv({
        SMTP_URL: "smtps://user:pw@mail.example.com:465",
        NOTIFY_EMAIL_FROM: "wf-offboard@example.com",
        NOTIFY_EMAIL_TO: "it@example.com, security@example.com",
        NOTIFY_DIGEST_EMAIL_TO: "hr@example.com",
        NOTIFY_WEBHOOK_URL: "https://hooks.slack.com/services/T/B/x",
        NOTIFY_WEBHOOK_FORMAT: "teams",
        NOTIFY_LOCALE: "de",
      }),
    );
    expect(config.email).toEqual({
      smtpUrl: "smtps://user:pw@mail.example.com:465",
      from: "wf-offboard@example.com",
      to: ["it@example.com", "security@example.com"],
      digestTo: ["hr@example.com"],
    });
    expect(config.webhook).toEqual({ webhookUrl: "https://hooks.slack.com/services/T/B/x", format: "teams" });
    expect(config.locale).toBe("de");
  });

  it("refuses a webhook URL that is not http(s) and an SMTP URL that is not smtp(s)", () => {
    expect(() => parseEnv({ NOTIFY_WEBHOOK_URL: "ftp://example.com/x" })).toThrow(/NOTIFY_WEBHOOK_URL/);
    expect(() => parseEnv({ SMTP_URL: "http://example.com", NOTIFY_EMAIL_FROM: "a@example.com", NOTIFY_EMAIL_TO: "b@example.com" })).toThrow(/SMTP_URL/);
  });
});
