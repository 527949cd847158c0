import { getTranslations } from "next-intl/server";
import type { SsoRefusalNote } from "@/lib/auth/sso-refusal";

/** Who the IdP said the person was and which groups it sent, so they can tell the help desk. */
export async function RefusalDetails({ note, idp }: { note: SsoRefusalNote; idp: string }) {
  const t = await getTranslations("auth.noAccess");
  return (
    <section aria-labelledby="who" className="space-y-2 rounded-md border px-4 py-3">
      <h2 id="who" className="text-base font-semibold">
        {t("whoTitle", { idp })}
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {note.email ? (
          <>
            <dt className="text-muted-foreground">{t("signedInAs")}</dt>
            <dd className="break-all">{note.email}</dd>
          </>
        ) : null}
        <dt className="text-muted-foreground">{t("groups")}</dt>
        <dd className="break-all">
          {note.groups.length ? note.groups.join(", ") : t("noGroups")}
          {note.moreGroups ? ` ${t("moreGroups", { count: note.moreGroups })}` : null}
        </dd>
      </dl>
    </section>
  );
}
