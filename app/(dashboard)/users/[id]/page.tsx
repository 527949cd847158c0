import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { latestDeactivations, listAuditEvents } from "@/lib/audit";
import { requirePageUser } from "@/lib/auth/session";
import { appDeps } from "@/lib/offboarding/deps";
import { getUserRow } from "@/lib/offboarding/list-users";
import { isWorkfrontError, isWorkfrontId } from "@/lib/workfront";
import { hasRole } from "@/lib/auth/roles";
import type { WorkfrontClient } from "@/lib/workfront";
import { AuditTable } from "../../audit/_components/audit-table";
import { DeactivateButton } from "./_components/deactivate-button";
import { DeactivationEvidence } from "./_components/deactivation-evidence";
import { ReassignForm } from "./_components/reassign-form";
import { ImpactSection } from "./_components/impact-section";
import { ImpactSkeleton } from "./_components/impact-skeleton";
import { PersonProfile } from "./_components/person-profile";
import { listSchedules } from "@/lib/schedule/store";
import { OPEN_STATES } from "@/lib/schedule/vocabulary";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("person.page");
  return { title: t("metaTitle") };
}
export const dynamic = "force-dynamic";

/**
 * One person: profile and status from Workfront, what they still hold (streamed in, so the page
 * shows while Workfront answers), their history in the audit log, and the actions.
 */
export default async function PersonPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePageUser();
  const { id } = await params;
  if (!isWorkfrontId(id)) notFound();
  const deps = await appDeps();
  const user = await getUserRow(deps, id).catch((error: unknown) => {
    if (isWorkfrontError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const [t, ts, format, history, manager, [scheduled], deactivations] = await Promise.all([
    getTranslations("person.page"),
    getTranslations("schedule.person"),
    getFormatter(),
    listAuditEvents(deps.db, { target: id, pageSize: 25 }),
    activeManager(deps.client, id),
    listSchedules(deps.db, { targetId: id, states: OPEN_STATES, limit: 1 }),
    latestDeactivations(deps.db, [id]),
  ]);
  const deactivation = user.isActive ? undefined : deactivations.get(id);
  const mayAct = hasRole(viewer.role, "operator");
  return (
    <div className="space-y-6">
      <Link href="/users" className="text-sm text-muted-foreground underline-offset-4 hover:underline">
        {t("back")}
      </Link>
      <PersonProfile user={user} />
      {scheduled ? (
        <p className="rounded-md border p-3 text-sm" data-testid="person-schedule">
          {ts("scheduled", { when: format.dateTime(scheduled.dueAt, "full") })}{" "}
          <Link href="/scheduled" className="underline underline-offset-4">
            {ts("link")}
          </Link>
        </p>
      ) : null}
      {deactivation?.openWork ? <DeactivationEvidence evidence={deactivation.openWork} by={deactivation.actorEmail} /> : null}
      <Suspense fallback={<ImpactSkeleton />}>
        <ImpactSection userId={id} />
      </Suspense>
      {mayAct ? (
        <section aria-labelledby="person-actions" className="space-y-3">
          <h2 id="person-actions" className="text-lg font-semibold">
            {t("actions")}
          </h2>
          <ReassignForm leaverId={id} manager={manager} />
          <DeactivateButton person={user} isActive={user.isActive} role={viewer.role} />
          {user.isActive ? null : <p className="text-sm text-muted-foreground">{t("reactivateNote")}</p>}
        </section>
      ) : null}
      <section aria-labelledby="person-history" className="space-y-2">
        <h2 id="person-history" className="text-lg font-semibold">
          {t("history")}
        </h2>
        {history.rows.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("noHistory")}</p>
        ) : (
          <AuditTable rows={history.rows} />
        )}
        <Link href={`/audit?target=${id}`} className="text-sm underline-offset-4 hover:underline">
          {t("fullAudit")}
        </Link>
      </section>
    </div>
  );
}

/** The default successor: the person's manager, if Workfront names one who is active. */
async function activeManager(
  client: WorkfrontClient,
  id: string,
): Promise<{ id: string; name: string } | null> {
  const person = await client.getUser(id).catch(() => null);
  if (!person?.managerId) return null;
  const [manager] = await client.getUsers([person.managerId]);
  return manager?.isActive ? { id: manager.id, name: manager.name } : null;
}
