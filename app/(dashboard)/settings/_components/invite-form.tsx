"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { ErrorMessage } from "@/components/error-message";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { ROLES, type Role } from "@/lib/auth/roles";
import { useAdminChange } from "./admin-api";

/** Invites someone with a generated password, shown once here to hand over (nothing stores it in clear). */
export function InviteForm() {
  const t = useTranslations("admin.accounts");
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const [invited, setInvited] = useState<{ email: string; password: string } | null>(null);
  const invite = useAdminChange<{ email: string; name?: string; role: Role }, { email: string; password: string }>("/api/admin/accounts", (result) => {
    setInvited(result);
    setEmail("");
    setName("");
  });
  const ids = { email: useId(), name: useId(), role: useId() };
  return (
    <form
      className="space-y-3 border-t pt-3"
      aria-labelledby="invite-heading"
      onSubmit={(event) => {
        event.preventDefault();
        setInvited(null);
        invite.mutate({ email, role, ...(name.trim() ? { name } : {}) });
      }}
    >
      <h3 id="invite-heading" className="font-medium">
        {t("invite.heading")}
      </h3>
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={ids.email}>{t("invite.email")}</Label>
          <Input id={ids.email} type="email" required value={email} onChange={(event) => setEmail(event.target.value)} className="w-64" />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={ids.name}>{t("invite.name")}</Label>
          <Input id={ids.name} value={name} onChange={(event) => setName(event.target.value)} className="w-48" />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={ids.role}>{t("invite.role")}</Label>
          <NativeSelect id={ids.role} value={role} onChange={(event) => setRole(event.target.value as Role)}>
            {ROLES.map((option) => (
              <option key={option} value={option}>
                {t(`roles.${option}`)}
              </option>
            ))}
          </NativeSelect>
        </div>
        <Button type="submit" disabled={invite.isPending}>
          {invite.isPending ? t("invite.pending") : t("invite.submit")}
        </Button>
      </div>
      {invited ? (
        <p role="status" className="rounded-md border bg-muted p-2 text-sm" data-testid="invited-password">
          {t("invite.done", { email: invited.email, password: invited.password })}
        </p>
      ) : null}
      {invite.error ? (
        <p role="alert" className="text-sm text-destructive">
          {<>{t("failed")} <ErrorMessage error={invite.error} /></>}
        </p>
      ) : null}
    </form>
  );
}
