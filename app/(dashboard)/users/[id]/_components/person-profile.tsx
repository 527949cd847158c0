import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { UserDto } from "@/lib/offboarding/user-dto";

/** Who the person is and whether they are active, as Workfront reports it now. */
export async function PersonProfile({ user }: { user: UserDto }) {
  const t = await getTranslations("person.page");
  const rows: [string, string | null][] = [
    [t("email"), user.email],
    [t("title"), user.title],
    [t("licence"), user.licenseTypeLabel],
    [t("accessLevel"), user.accessLevel],
    [t("homeGroup"), user.homeGroup],
  ];
  return (
    <section aria-labelledby="person-name" className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <h1 id="person-name" className="text-2xl font-semibold tracking-tight">
          {user.name}
        </h1>
        <Badge variant={user.isActive ? "success" : "secondary"}>
          {user.isActive ? t("active") : t("deactivated")}
        </Badge>
      </div>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-muted-foreground">{label}</dt>
            <dd>{value ?? "—"}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
