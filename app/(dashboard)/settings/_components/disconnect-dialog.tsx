"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import type { ConnectionDto } from "@/lib/connection/dto";

/** Disconnecting clears the key in Workfront too, which breaks anything else using it: confirm first. */
export function DisconnectDialog({
  connection,
  pending,
  onConfirm,
}: {
  connection: ConnectionDto;
  pending: boolean;
  onConfirm: () => Promise<unknown>;
}) {
  const t = useTranslations("settings.disconnect");
  const tCommon = useTranslations("common.actions");
  const [open, setOpen] = useState(false);
  const apiKey = connection.method !== "oauth2";
  return (
    <Dialog open={open} onOpenChange={(next) => !pending && setOpen(next)}>
      <DialogTrigger asChild>
        <Button variant="outline">{t("button")}</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("title")}</DialogTitle>
          <DialogDescription>
            {t(apiKey ? "apiKey" : "oauth2")} {t("after")}
          </DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline" disabled={pending}>
              {tCommon("cancel")}
            </Button>
          </DialogClose>
          <Button
            variant="destructive"
            disabled={pending}
            onClick={() => {
              void onConfirm().then(
                () => setOpen(false),
                () => setOpen(false),
              );
            }}
          >
            {pending ? t("pending") : t("button")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
