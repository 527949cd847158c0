import "server-only";

/** Notifications: a durable outbox sent by e-mail (SMTP) and webhook (Slack, Teams). See README.md here. */
export { type NotifyConfig, configuredChannels, notifyConfig } from "./config";
export { type UpcomingLeavers, enqueueDigestIfDue } from "./digest";
export { enqueueNotification, enqueueNotifications } from "./enqueue";
export { type Leaver, type NotificationEvent, notificationEvent } from "./events";
export { type Notifier, startNotifier } from "./notifier";
