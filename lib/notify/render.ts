import "server-only";
// use-intl's core (next-intl's own engine, no React): the notifier also runs in the job worker process, outside Next.
import { createTranslator } from "use-intl/core";
import { catalogues } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locales";
import type { NotificationEvent } from "./events";

/** A notification as people read it: the e-mail's subject and plain-text body, the chat message. */
export interface RenderedMessage {
  subject: string;
  text: string;
}

export interface RenderOptions {
  locale: Locale;
  /** The organisation's time zone (APP_TIME_ZONE): every time is shown in it, and named. */
  timeZone: string;
  /** The dashboard's public URL, for a link back; none when unknown. */
  appUrl: string | null;
}

/** The kinds of schedule event that one message tells together for many people (a batch due at once). */
export const GROUPED_TYPES = ["schedule_ran", "schedule_failed", "schedule_overdue"] as const;
type ScheduleNotice = Extract<NotificationEvent, { type: (typeof GROUPED_TYPES)[number] }>;

/** People listed in one grouped message; the rest are counted (a chat message has a size limit). */
const GROUP_LINES = 100;

function toolsFor(options: RenderOptions) {
  const t = createTranslator({ locale: options.locale, messages: catalogues[options.locale], namespace: "notifications" });
  const dateTime = new Intl.DateTimeFormat(options.locale, { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", timeZone: options.timeZone, timeZoneName: "short" });
  const when = (iso: string) => dateTime.format(new Date(iso));
  const link = (path: string) => (options.appUrl ? [t("openLink", { url: new URL(path, options.appUrl).toString() })] : []);
  const lines = (...parts: string[]) => [...parts, "", t("footer")].join("\n");
  /** The values every schedule text names: who, and when it was due. */
  const scheduleValues = (event: ScheduleNotice) => {
    const base = { name: event.person.name ?? event.person.email ?? t("unnamed"), email: event.person.email ?? "—", due: when(event.dueAt) };
    if (event.type === "schedule_ran") return { ...base, ran: when(event.ranAt), late: String(event.late) };
    if (event.type === "schedule_failed") return { ...base, reason: event.errorMessage ? `${event.errorMessage} (${event.errorCode})` : event.errorCode };
    return base;
  };
  return { t, when, link, lines, scheduleValues };
}

/**
 * Renders the outbox payloads one message tells: one event, or many schedule events of one kind
 * (`GROUPED_TYPES`), as the notifier groups them, so that 1,000 people deactivated together make
 * one message rather than 1,000.
 */
export function renderNotifications(events: readonly NotificationEvent[], options: RenderOptions): RenderedMessage {
  const [first] = events;
  if (!first) throw new RangeError("nothing to render");
  if (events.length === 1) return renderNotification(first, options);
  const notices = events as readonly ScheduleNotice[];
  if (!notices.every((event) => event.type === first.type && (GROUPED_TYPES as readonly string[]).includes(event.type))) {
    throw new RangeError("only schedule events of one kind are told together");
  }
  const { t, link, lines, scheduleValues } = toolsFor(options);
  const kind = first.type === "schedule_ran" ? "ran" : first.type === "schedule_failed" ? "failed" : "overdue";
  const sorted = [...notices].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || (a.person.name ?? "").localeCompare(b.person.name ?? ""));
  const listed = sorted.slice(0, GROUP_LINES).map((event) => t(`scheduleGroup.${kind}Line`, scheduleValues(event)));
  const more = sorted.length > GROUP_LINES ? [t("scheduleGroup.more", { count: sorted.length - GROUP_LINES })] : [];
  return {
    subject: t(`scheduleGroup.${kind}Subject`, { count: notices.length }),
    text: lines(t(`scheduleGroup.${kind}Heading`), ...listed, ...more, ...link("/scheduled")),
  };
}

/**
 * Renders an outbox payload. It reads only the event's allow-listed fields (lib/notify/events.ts),
 * so what a message can say is fixed here and there.
 */
export function renderNotification(event: NotificationEvent, options: RenderOptions): RenderedMessage {
  const { t, when, link, lines, scheduleValues } = toolsFor(options);
  const date = new Intl.DateTimeFormat(options.locale, { dateStyle: "medium", timeZone: "UTC" });
  const day = (isoDay: string) => date.format(new Date(`${isoDay}T00:00:00Z`));

  switch (event.type) {
    case "job_ended": {
      const values = { ...event, ticket: event.ticket ?? "" };
      return {
        subject: t("jobEnded.subject", values),
        text: lines(
          t("jobEnded.summary", values),
          t("jobEnded.counts", values),
          ...(event.ticket ? [t("jobEnded.ticket", values)] : []),
          ...link(`/jobs/${event.jobId}`),
        ),
      };
    }
    case "schedule_ran":
      return { subject: t("scheduleRan.subject", scheduleValues(event)), text: lines(t("scheduleRan.body", scheduleValues(event))) };
    case "schedule_failed":
      return { subject: t("scheduleFailed.subject", scheduleValues(event)), text: lines(t("scheduleFailed.body", scheduleValues(event))) };
    case "schedule_overdue":
      return { subject: t("scheduleOverdue.subject", scheduleValues(event)), text: lines(t("scheduleOverdue.body", scheduleValues(event))) };
    case "leavers_digest": {
      const last = new Date(`${event.day}T00:00:00Z`);
      last.setUTCDate(last.getUTCDate() + 6);
      const heading = t("digest.heading", { from: day(event.day), to: day(last.toISOString().slice(0, 10)), timeZone: options.timeZone });
      const entries = [...event.leavers]
        .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))
        .map((leaver) =>
          t("digest.line", { when: when(leaver.dueAt), name: leaver.name ?? leaver.email ?? t("unnamed"), email: leaver.email ?? "—" }),
        );
      return {
        subject: t("digest.subject", { count: event.leavers.length }),
        text: lines(...(entries.length ? [heading, ...entries] : [t("digest.none")])),
      };
    }
  }
}
