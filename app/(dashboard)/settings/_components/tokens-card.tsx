"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { ErrorMessage } from "@/components/error-message";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ApiTokenDto, CreatedApiTokenDto } from "@/lib/api-tokens/store";
import { TOKEN_ROLES, type TokenRole } from "@/lib/auth/token-roles";
import { useAdminChange } from "./admin-api";

type NewToken = { name: string; role: TokenRole; expiresInDays: number };

/**
 * API tokens for scripts and HR feeds: create one (its value is shown once, here, and never
 * again), see who made each and when it was last used, revoke one at once.
 */
export function TokensCard({ tokens, now }: { tokens: ApiTokenDto[]; now: string }) {
  const t = useTranslations("admin.tokens");
  const format = useFormatter();
  const [name, setName] = useState("");
  const [role, setRole] = useState<TokenRole>("operator");
  const [days, setDays] = useState("90");
  const [created, setCreated] = useState<CreatedApiTokenDto | null>(null);
  const create = useAdminChange<NewToken, CreatedApiTokenDto>("/api/admin/tokens", (result) => {
    setCreated(result);
    setName("");
  });
  const revoke = useAdminChange<{ id: string }>("/api/admin/tokens/revoke");
  const ids = { name: useId(), role: useId(), days: useId(), value: useId() };
  const error = create.error ?? revoke.error;
  const when = (iso: string | null) => (iso ? format.dateTime(new Date(iso), "dateTime") : t("never"));
  const state = (token: ApiTokenDto) => (token.revokedAt ? t("revoked") : token.expiresAt <= now ? t("expired") : t("active"));
  return (
    <section aria-labelledby="tokens-heading" className="space-y-3 rounded-lg border p-4">
      <h2 id="tokens-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="text-sm text-muted-foreground">{t("intro")}</p>
      {tokens.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("none")}</p>
      ) : (
        <div className="overflow-x-auto" role="region" aria-label={t("caption")} tabIndex={0}>
          <Table id="tokens-table" aria-label={t("caption")}>
            <TableHeader>
              <TableRow>
                <TableHead scope="col">{t("name")}</TableHead>
                <TableHead scope="col">{t("role")}</TableHead>
                <TableHead scope="col">{t("createdBy")}</TableHead>
                <TableHead scope="col">{t("expires")}</TableHead>
                <TableHead scope="col">{t("lastUsed")}</TableHead>
                <TableHead scope="col">{t("status")}</TableHead>
                <TableHead scope="col">{t("actions")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {tokens.map((token) => (
                <TableRow key={token.id} data-token={token.id}>
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    {token.name} <span className="font-mono text-muted-foreground">{token.prefix}…</span>
                  </th>
                  <TableCell>{t(`roles.${token.role}`)}</TableCell>
                  <TableCell>{token.createdByEmail}</TableCell>
                  <TableCell className="whitespace-nowrap">{when(token.expiresAt)}</TableCell>
                  <TableCell className="whitespace-nowrap">{when(token.lastUsedAt)}</TableCell>
                  <TableCell>{state(token)}</TableCell>
                  <TableCell>
                    {token.revokedAt ? null : (
                      <Button size="sm" variant="destructive" disabled={revoke.isPending} aria-label={t("revokeNamed", { name: token.name })} onClick={() => revoke.mutate({ id: token.id })}>
                        {t("revoke")}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <form
        className="space-y-3 border-t pt-3"
        aria-labelledby="token-create-heading"
        onSubmit={(event) => {
          event.preventDefault();
          setCreated(null);
          create.mutate({ name, role, expiresInDays: Number(days) });
        }}
      >
        <h3 id="token-create-heading" className="font-medium">
          {t("create.heading")}
        </h3>
        <div className="flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={ids.name}>{t("create.name")}</Label>
            <Input id={ids.name} required maxLength={100} value={name} onChange={(event) => setName(event.target.value)} className="w-64" />
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={ids.role}>{t("create.role")}</Label>
            <NativeSelect id={ids.role} value={role} onChange={(event) => setRole(event.target.value as TokenRole)}>
              {TOKEN_ROLES.map((option) => (
                <option key={option} value={option}>
                  {t(`roles.${option}`)}
                </option>
              ))}
            </NativeSelect>
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={ids.days}>{t("create.days")}</Label>
            <Input id={ids.days} type="number" required min={1} max={365} value={days} onChange={(event) => setDays(event.target.value)} className="w-28" />
          </div>
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? t("create.pending") : t("create.submit")}
          </Button>
        </div>
      </form>
      {created ? (
        <div role="status" className="space-y-1.5 rounded-md border border-amber-500 p-3 text-sm">
          <p>{t("create.done", { name: created.name })}</p>
          <Label htmlFor={ids.value}>{t("create.value")}</Label>
          <Input id={ids.value} readOnly value={created.token} className="font-mono" onFocus={(event) => event.currentTarget.select()} />
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {t("failed")} <ErrorMessage error={error} />
        </p>
      ) : null}
    </section>
  );
}
