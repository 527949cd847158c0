import type { RenderedMessage } from "../render";

/** A way out for notifications. `send` resolves once the server accepted the message. */
export interface Channel {
  send(message: RenderedMessage, options: { digest: boolean }): Promise<void>;
  close?(): void;
}

/**
 * A failed send, described without secrets: the message says what went wrong (a status, an SMTP
 * reply code, a network error code), never the webhook's URL or the SMTP password.
 */
export class ChannelError extends Error {
  override name = "ChannelError";
}
