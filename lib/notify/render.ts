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

/**
 * Renders an outbox payload. It reads only the event's allow-listed fields (lib/notify/events.ts),
 * so what a message can say is fixed here and there.
 */
export function renderNotification(event: NotificationEvent, options: RenderOptions): RenderedMessage {
  const t = createTranslator({ locale: options.locale, messages: catalogues[options.locale], namespace: "notifications" });
  const dateTime = new Intl.DateTimeFormat(options.locale, { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", timeZone: options.timeZone, timeZoneName: "short" });
  const date = new Intl.DateTimeFormat(options.locale, { dateStyle: "medium", timeZone: "UTC" });
  const when = (iso: string) => dateTime.format(new Date(iso));
  const day = (isoDay: string) => date.format(new Date(`${isoDay}T00:00:00Z`));
  const link = (path: string) => (options.appUrl ? [t("openLink", { url: new URL(path, options.appUrl).toString() })] : []);
  const lines = (...parts: string[]) => [...parts, "", t("footer")].join("\n");

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
    case "schedule_failed":
    case "schedule_overdue": {
      const who = { name: event.person.name ?? event.person.email ?? t("unnamed"), email: event.person.email ?? "—", due: when(event.dueAt) };
      if (event.type === "schedule_ran") {
        const values = { ...who, ran: when(event.ranAt), late: String(event.late) };
        return { subject: t("scheduleRan.subject", values), text: lines(t("scheduleRan.body", values)) };
      }
      if (event.type === "schedule_failed") {
        const values = { ...who, reason: event.errorMessage ? `${event.errorMessage} (${event.errorCode})` : event.errorCode };
        return { subject: t("scheduleFailed.subject", values), text: lines(t("scheduleFailed.body", values)) };
      }
      return { subject: t("scheduleOverdue.subject", who), text: lines(t("scheduleOverdue.body", who)) };
    }
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
