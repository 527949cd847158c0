import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Database } from "@/lib/db";
import { logger as appLogger } from "@/lib/logger";
import { emailChannel } from "./channels/email";
import { type Channel, ChannelError } from "./channels/types";
import { webhookChannel } from "./channels/webhook";
import type { NotifyConfig } from "./config";
import { type UpcomingLeavers, enqueueDigestIfDue } from "./digest";
import { type ClaimedNotification, claimNotifications, markAttemptFailed, markSent, pruneSent } from "./outbox";
import { GROUPED_TYPES, renderNotifications } from "./render";
import type { NotificationChannel } from "./vocabulary";

export interface NotifierLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface NotifierOptions {
  db: Database;
  config: NotifyConfig;
  /** Default: built from the config (SMTP_URL, NOTIFY_WEBHOOK_URL). */
  channels?: Partial<Record<NotificationChannel, Channel>>;
  /** The digest's data source; none: no digest. */
  upcomingLeavers?: UpcomingLeavers | null;
  /** Names this notifier in leases; unique per process by default. */
  owner?: string;
  /** Longer than a channel's timeouts (20 s for SMTP, 15 s for webhooks), so a slow send is not taken over. */
  leaseMs?: number;
  /** Rows claimed at once (default 10), besides up to GROUPED_CLAIM schedule events told in groups. */
  batchSize?: number;
  /** Days a sent notification is kept (default 30); failed ones are kept. */
  keepSentDays?: number;
  logger?: NotifierLogger;
}

export interface Notifier {
  readonly owner: string;
  /** Look for work now (something was just enqueued in this process). */
  wake(): void;
  /** One round: the digest if due, then due notifications until none is left; returns how many were sent. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

export function buildChannels(config: NotifyConfig): Partial<Record<NotificationChannel, Channel>> {
  return {
    ...(config.email ? { email: emailChannel(config.email) } : {}),
    ...(config.webhook ? { webhook: webhookChannel(config.webhook) } : {}),
  };
}

/** base · 2^(attempt−1), capped, with jitter so that instances do not retry in step. */
export function retryDelayMs(attempts: number, config: Pick<NotifyConfig, "retryBaseMs" | "retryCapMs">): number {
  const delay = Math.min(config.retryCapMs, config.retryBaseMs * 2 ** Math.max(0, attempts - 1));
  return Math.floor(delay * (0.75 + Math.random() / 4));
}

/** Messages sent at once by one notifier. */
const SENDS_AT_ONCE = 10;
/** Schedule events claimed at once to be told in groups (a batch due together is up to 1,000). */
const GROUPED_CLAIM = 1_000;

/**
 * The rows one message each tells: schedule events of one kind on one channel together (a batch
 * of 1,000 people due at once makes one e-mail, not 1,000), anything else alone.
 */
export function groupsOf(rows: readonly ClaimedNotification[]): ClaimedNotification[][] {
  const groups = new Map<string, ClaimedNotification[]>();
  const alone: ClaimedNotification[][] = [];
  for (const row of rows) {
    if (!(GROUPED_TYPES as readonly string[]).includes(row.payload.type)) {
      alone.push([row]);
      continue;
    }
    const key = `${row.channel}:${row.payload.type}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values(), ...alone];
}

/**
 * The notifier: polls the outbox (lib/notify/outbox.ts), renders each claimed row and sends it
 * through its channel; a failure is retried with backoff up to NOTIFY_MAX_ATTEMPTS. It also puts
 * the day's digest in the outbox when due. Safe to run in every instance at once.
 */
export function startNotifier(options: NotifierOptions): Notifier {
  const { db, config } = options;
  const owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const channels = options.channels ?? buildChannels(config);
  const leaseMs = options.leaseMs ?? 120_000;
  const batchSize = options.batchSize ?? 10;
  const keepSentDays = options.keepSentDays ?? 30;
  let lastPrune = 0;
  const log = options.logger ?? appLogger.child({ module: "notify" });
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let again = false;

  /** Sends one message for the rows given (one row, or a group of one kind: `groupsOf`), and records each row's end. */
  async function deliver(rows: readonly ClaimedNotification[]): Promise<number> {
    const [first] = rows;
    if (!first) return 0;
    const channel = channels[first.channel];
    try {
      if (!channel) throw new ChannelError(`the ${first.channel} channel is not configured`);
      const message = renderNotifications(rows.map((row) => row.payload), config);
      await channel.send(message, { digest: first.payload.type === "leavers_digest" });
    } catch (error) {
      // Only a ChannelError's message is known to be free of secrets; anything else is named by type.
      const reason = error instanceof ChannelError ? error.message : `unexpected ${error instanceof Error ? error.name : "error"}`;
      // One delay for the whole group, so that its rows are due again together.
      const states = await markAttemptFailed(db, {
        owner,
        ids: rows.map((row) => row.id),
        error: reason,
        maxAttempts: config.maxAttempts,
        retryInMs: retryDelayMs(first.attempts, config),
      });
      for (const row of rows) {
        const details = { notification: row.id, event: row.payload.type, channel: row.channel, attempts: row.attempts, reason };
        if (states.get(row.id) === "failed") log.error(details, "a notification could not be sent and is given up");
        else log.warn(details, "a notification could not be sent; it will be tried again");
      }
      return 0;
    }
    const recorded = await markSent(db, owner, rows.map((row) => row.id));
    for (const row of rows) if (!recorded.has(row.id)) log.warn({ notification: row.id }, "a notification was sent after its lease ran out");
    return rows.length;
  }

  async function round(): Promise<number> {
    if (options.upcomingLeavers) {
      try {
        await enqueueDigestIfDue(db, { config, upcomingLeavers: options.upcomingLeavers });
      } catch (error) {
        log.warn({ err: error }, "the digest of upcoming leavers could not be prepared");
      }
    }
    // At most hourly per instance: one delete, harmless when several instances do it.
    if (Date.now() - lastPrune > 3_600_000) {
      lastPrune = Date.now();
      await pruneSent(db, keepSentDays).catch((error: unknown) => log.warn({ err: error }, "old notifications could not be removed"));
    }
    let sent = 0;
    while (!stopped) {
      // The schedule events first, many at once (they make a handful of messages), then up to
      // batchSize rows of any kind: at most 6 grouped messages and batchSize others per claim, so
      // that the sends end well within the lease.
      const claimed = [
        ...(await claimNotifications(db, { owner, limit: GROUPED_CLAIM, leaseMs, types: GROUPED_TYPES })),
        ...(await claimNotifications(db, { owner, limit: batchSize, leaseMs })),
      ];
      if (claimed.length === 0) break;
      const groups = groupsOf(claimed);
      for (let start = 0; start < groups.length; start += SENDS_AT_ONCE) {
        const results = await Promise.all(groups.slice(start, start + SENDS_AT_ONCE).map(deliver));
        sent += results.reduce((sum, count) => sum + count, 0);
      }
    }
    return sent;
  }

  /** One round at a time; a wake during a round runs another right after it. */
  function runOnce(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = round().finally(() => {
      running = undefined;
      if (again && !stopped) {
        again = false;
        void runOnce().catch(() => undefined);
      }
    });
    return running;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      runOnce()
        .catch((error: unknown) => log.warn({ err: error }, "the notifier's round failed"))
        .finally(schedule);
    }, config.pollMs * (0.75 + Math.random() / 2));
    timer.unref?.();
  }

  schedule();
  log.info({ channels: Object.keys(channels), digest: Boolean(options.upcomingLeavers) }, "notifier started");
  return {
    owner,
    wake: () => void runOnce().catch((error: unknown) => log.warn({ err: error }, "the notifier's round failed")),
    runOnce,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running?.catch(() => undefined);
      for (const channel of Object.values(channels)) channel?.close?.();
    },
  };
}
