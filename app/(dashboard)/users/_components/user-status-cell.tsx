import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { UserDto } from "@/lib/offboarding/user-dto";
import { ShortDate } from "./when";

/** "Who, when and why" of a deactivation, or a plain note that it happened outside this dashboard. */
function DeactivationDetails({ user }: { user: UserDto }) {
  const t = useTranslations("users.status");
  const record = user.deactivation;
  if (!record) return null;
  if (record.outsideDashboard) {
    return <p className="text-xs text-muted-foreground">{t("outsideDashboard")}</p>;
  }
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-xs text-muted-foreground">
      {record.by ? (
        <>
          <dt>{t("by")}</dt>
          <dd className="break-all text-foreground">{record.by}</dd>
        </>
      ) : null}
      {record.reason ? (
        <>
          <dt>{t("why")}</dt>
          <dd className="text-foreground">{record.reason}</dd>
        </>
      ) : null}
      {record.ticket ? (
        <>
          <dt>{t("ticket")}</dt>
          <dd className="text-foreground">{record.ticket}</dd>
        </>
      ) : null}
    </dl>
  );
}

export function UserStatusCell({ user }: { user: UserDto }) {
  const t = useTranslations("users.status");
  if (user.isActive) return <Badge variant="success">{t("active")}</Badge>;
  const at = user.deactivation?.at ?? user.deactivatedAt;
  return (
    <div className="flex max-w-72 min-w-48 flex-col gap-1">
      <div className="flex items-center gap-2">
        <Badge variant="secondary">{t("deactivated")}</Badge>
        {at ? <ShortDate iso={at} /> : null}
      </div>
      <DeactivationDetails user={user} />
    </div>
  );
}
