import { getFormatter, getTranslations } from "next-intl/server";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AdminEventDto } from "@/lib/admin/admin-log";

/** The admin log's newest rows: who changed which account or protection, and why. */
export async function AdminLogCard({ events }: { events: AdminEventDto[] }) {
  const t = await getTranslations("admin.log");
  const format = await getFormatter();
  return (
    <section aria-labelledby="admin-log-heading" className="space-y-3 rounded-lg border p-4">
      <h2 id="admin-log-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="text-sm text-muted-foreground">{t("intro")}</p>
      {events.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("empty")}</p>
      ) : (
        <Table id="admin-log" aria-label={t("caption")}>
          <TableHeader>
            <TableRow>
              <TableHead scope="col">{t("when")}</TableHead>
              <TableHead scope="col">{t("who")}</TableHead>
              <TableHead scope="col">{t("what")}</TableHead>
              <TableHead scope="col">{t("subject")}</TableHead>
              <TableHead scope="col">{t("reason")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {events.map((event) => (
              <TableRow key={event.id}>
                <TableCell className="whitespace-nowrap">{format.dateTime(new Date(event.occurredAt), "dateTime")}</TableCell>
                <TableCell>{event.actorEmail}</TableCell>
                <TableCell>
                  {t(`actions.${event.action}`)}
                  {event.detail?.to ? ` → ${event.detail.to}` : ""}
                </TableCell>
                <TableCell>{event.subjectName ? `${event.subjectName} (${event.subject})` : event.subject}</TableCell>
                <TableCell>{event.reason}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
