"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { ErrorMessage } from "@/components/error-message";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AccountDto } from "@/lib/admin/accounts";
import { ROLES, type Role } from "@/lib/auth/roles";
import { useAdminChange } from "./admin-api";
import { InviteForm } from "./invite-form";

type Update = { email: string; role?: Role; disabled?: boolean };

/** The dashboard's accounts: change a role, disable or enable, sign out everywhere; invite below. */
export function AccountsCard({ accounts, self }: { accounts: AccountDto[]; self: string }) {
  const t = useTranslations("admin.accounts");
  const format = useFormatter();
  const [ended, setEnded] = useState<string | null>(null);
  const update = useAdminChange<Update>("/api/admin/accounts/update");
  const endSessions = useAdminChange<{ email: string }>("/api/sessions/end", (_, input) => setEnded(input.email));
  const error = update.error ?? endSessions.error;
  const busy = update.isPending || endSessions.isPending;
  return (
    <section aria-labelledby="accounts-heading" className="space-y-3 rounded-lg border p-4">
      <h2 id="accounts-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="text-sm text-muted-foreground">{t("intro")}</p>
      <Table id="accounts-table" aria-label={t("caption")}>
        <TableHeader>
          <TableRow>
            <TableHead scope="col">{t("email")}</TableHead>
            <TableHead scope="col">{t("role")}</TableHead>
            <TableHead scope="col">{t("status")}</TableHead>
            <TableHead scope="col">{t("lastLogin")}</TableHead>
            <TableHead scope="col">{t("actions")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {accounts.map((account) => {
            const own = account.email === self;
            return (
              <TableRow key={account.id} data-account={account.email}>
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  {account.email} {own ? <span className="text-muted-foreground">{t("you")}</span> : null}
                </th>
                <TableCell>
                  <NativeSelect
                    aria-label={t("roleOf", { email: account.email })}
                    value={account.role}
                    disabled={own || busy}
                    onChange={(event) => update.mutate({ email: account.email, role: event.target.value as Role })}
                  >
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {t(`roles.${role}`)}
                      </option>
                    ))}
                  </NativeSelect>
                </TableCell>
                <TableCell>{account.disabled ? t("disabled") : t("active")}</TableCell>
                <TableCell>{account.lastLoginAt ? format.dateTime(new Date(account.lastLoginAt), "dateTime") : t("never")}</TableCell>
                <TableCell className="space-x-2 whitespace-nowrap">
                  {own ? null : (
                    <Button
                      size="sm"
                      variant="outline"
                      disabled={busy}
                      aria-label={account.disabled ? t("enable", { email: account.email }) : t("disable", { email: account.email })}
                      onClick={() => update.mutate({ email: account.email, disabled: !account.disabled })}
                    >
                      {account.disabled ? t("enableShort") : t("disableShort")}
                    </Button>
                  )}
                  {own ? null : (
                    <Button size="sm" variant="outline" disabled={busy} aria-label={t("endSessions", { email: account.email })} onClick={() => endSessions.mutate({ email: account.email })}>
                      {t("endSessionsShort")}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {ended ? (
        <p role="status" className="text-sm">
          {t("sessionsEnded", { email: ended })}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {<>{t("failed")} <ErrorMessage error={error} /></>}
        </p>
      ) : null}
      <InviteForm />
    </section>
  );
}
