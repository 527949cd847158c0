import { Badge } from "@/components/ui/badge";
import type { UserDto } from "@/lib/offboarding/user-dto";
import { formatDate, formatDateTime } from "./format";

function When({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatDateTime(iso)} className="whitespace-nowrap">
      {formatDate(iso)}
    </time>
  );
}

/** "Who, when and why" of a deactivation, or a plain note that it happened outside this dashboard. */
function DeactivationDetails({ user }: { user: UserDto }) {
  const record = user.deactivation;
  if (!record) return null;
  if (record.outsideDashboard) {
    return <p className="text-xs text-muted-foreground">Deactivated outside this dashboard</p>;
  }
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-xs text-muted-foreground">
      {record.by ? (
        <>
          <dt>By</dt>
          <dd className="break-all text-foreground">{record.by}</dd>
        </>
      ) : null}
      {record.reason ? (
        <>
          <dt>Why</dt>
          <dd className="text-foreground">{record.reason}</dd>
        </>
      ) : null}
      {record.ticket ? (
        <>
          <dt>Ticket</dt>
          <dd className="text-foreground">{record.ticket}</dd>
        </>
      ) : null}
    </dl>
  );
}

export function UserStatusCell({ user }: { user: UserDto }) {
  if (user.isActive) return <Badge variant="success">Active</Badge>;
  const at = user.deactivation?.at ?? user.deactivatedAt;
  return (
    <div className="flex max-w-72 min-w-48 flex-col gap-1">
      <div className="flex items-center gap-2">
        <Badge variant="secondary">Deactivated</Badge>
        {at ? <When iso={at} /> : null}
      </div>
      <DeactivationDetails user={user} />
    </div>
  );
}
