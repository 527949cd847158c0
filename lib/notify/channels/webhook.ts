import "server-only";
import type { WebhookSettings } from "../config";
import type { RenderedMessage } from "../render";
import { type Channel, ChannelError } from "./types";

/**
 * A Slack or Teams incoming webhook. Slack takes `{"text": …}`, and so did Teams' Office 365
 * connectors (retired); Teams' Workflows webhooks ("Send webhook alerts to a channel") take a
 * message holding an Adaptive Card instead, hence NOTIFY_WEBHOOK_FORMAT=teams. The URL carries the
 * webhook's token: it is neither logged nor put in an error.
 */
export function webhookBody(message: RenderedMessage, format: WebhookSettings["format"]): unknown {
  if (format === "slack") return { text: `*${message.subject}*\n${message.text}` };
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body: [
            { type: "TextBlock", text: message.subject, weight: "Bolder", wrap: true },
            { type: "TextBlock", text: message.text, wrap: true },
          ],
        },
      },
    ],
  };
}

export function webhookChannel(settings: WebhookSettings, options: { timeoutMs?: number } = {}): Channel {
  const timeoutMs = options.timeoutMs ?? 15_000;
  return {
    async send(message) {
      let response: Response;
      try {
        response = await fetch(settings.webhookUrl, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(webhookBody(message, settings.format)),
          signal: AbortSignal.timeout(timeoutMs),
          redirect: "error",
        });
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause;
        const name = error instanceof Error ? error.name : "Error";
        throw new ChannelError(`webhook unreachable (${cause?.code ?? name})`);
      }
      // The body is read and dropped: Slack answers "ok", Teams 202 with nothing.
      await response.arrayBuffer().catch(() => undefined);
      if (!response.ok) throw new ChannelError(`webhook answered HTTP ${response.status}`);
    },
  };
}
