"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { ErrorMessage } from "@/components/error-message";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ProtectedPersonDto } from "@/lib/admin/protected-people";
import { useAdminChange } from "./admin-api";

/**
 * The protected list: the configuration's entries (locked: only the environment changes them)
 * and the people admins added here, each with a reason; adding reads the person from Workfront.
 */
export function ProtectedCard({ locked, people }: { locked: readonly string[]; people: ProtectedPersonDto[] }) {
  const t = useTranslations("admin.protected");
  const [person, setPerson] = useState("");
  const [reason, setReason] = useState("");
  const [added, setAdded] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [removeReason, setRemoveReason] = useState("");
  const add = useAdminChange<{ person: string; reason: string }, ProtectedPersonDto>("/api/admin/protected", (result) => {
    setAdded(result.name);
    setPerson("");
    setReason("");
  });
  const remove = useAdminChange<{ workfrontId: string; reason: string }>("/api/admin/protected/remove", () => {
    setRemoving(null);
    setRemoveReason("");
  });
  const ids = { person: useId(), reason: useId(), removeReason: useId() };
  const error = add.error ?? remove.error;
  return (
    <section aria-labelledby="protected-heading" className="space-y-3 rounded-lg border p-4">
      <h2 id="protected-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="text-sm text-muted-foreground">{t("intro")}</p>
      {locked.length ? (
        <div className="text-sm">
          <p>{t("locked")}</p>
          <ul className="mt-1 flex flex-wrap gap-2">
            {locked.map((entry) => (
              <li key={entry} className="rounded-md border px-2 py-0.5 font-mono">
                {entry}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="text-sm">{t("lockedNone")}</p>
      )}
      {people.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("none")}</p>
      ) : (
        <Table id="protected-table" aria-label={t("caption")}>
          <TableHeader>
            <TableRow>
              <TableHead scope="col">{t("name")}</TableHead>
              <TableHead scope="col">{t("email")}</TableHead>
              <TableHead scope="col">{t("reason")}</TableHead>
              <TableHead scope="col">{t("addedBy")}</TableHead>
              <TableHead scope="col">{t("actions")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {people.map((entry) => (
              <TableRow key={entry.workfrontId} data-person={entry.workfrontId}>
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  {entry.name}
                </th>
                <TableCell>{entry.email}</TableCell>
                <TableCell>{entry.reason}</TableCell>
                <TableCell>{entry.addedByEmail}</TableCell>
                <TableCell>
                  {removing === entry.workfrontId ? (
                    <form
                      className="flex flex-wrap items-end gap-2"
                      onSubmit={(event) => {
                        event.preventDefault();
                        remove.mutate({ workfrontId: entry.workfrontId, reason: removeReason });
                      }}
                    >
                      <div className="flex flex-col gap-1">
                        <Label htmlFor={ids.removeReason}>{t("removeReason", { name: entry.name })}</Label>
                        <Input id={ids.removeReason} required minLength={3} value={removeReason} onChange={(event) => setRemoveReason(event.target.value)} />
                      </div>
                      <Button type="submit" size="sm" variant="destructive" disabled={remove.isPending}>
                        {t("confirmRemove")}
                      </Button>
                      <Button type="button" size="sm" variant="ghost" onClick={() => setRemoving(null)}>
                        {t("cancel")}
                      </Button>
                    </form>
                  ) : (
                    <Button size="sm" variant="outline" onClick={() => setRemoving(entry.workfrontId)} aria-label={t("remove", { name: entry.name })}>
                      {t("confirmRemove")}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <form
        className="space-y-3 border-t pt-3"
        aria-labelledby="protect-heading"
        onSubmit={(event) => {
          event.preventDefault();
          setAdded(null);
          add.mutate({ person, reason });
        }}
      >
        <h3 id="protect-heading" className="font-medium">
          {t("add.heading")}
        </h3>
        <div className="flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={ids.person}>{t("add.person")}</Label>
            <Input id={ids.person} required value={person} onChange={(event) => setPerson(event.target.value)} className="w-72" />
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={ids.reason}>{t("add.reason")}</Label>
            <Input id={ids.reason} required minLength={3} value={reason} onChange={(event) => setReason(event.target.value)} className="w-64" />
          </div>
          <Button type="submit" disabled={add.isPending}>
            {add.isPending ? t("add.pending") : t("add.submit")}
          </Button>
        </div>
      </form>
      {added ? (
        <p role="status" className="text-sm">
          {t("add.done", { name: added })}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {t("failed")} <ErrorMessage error={error} />
        </p>
      ) : null}
    </section>
  );
}
