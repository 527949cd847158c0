"use client";

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
  const [open, setOpen] = useState(false);
  const apiKey = connection.method !== "oauth2";
  return (
    <Dialog open={open} onOpenChange={(next) => !pending && setOpen(next)}>
      <DialogTrigger asChild>
        <Button variant="outline">Disconnect</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Disconnect Workfront?</DialogTitle>
          <DialogDescription>
            {apiKey
              ? "Workfront will be asked to clear this API key, so every other tool that uses the same key stops working too. The stored key is then deleted here."
              : "The stored OAuth2 credentials and session are deleted here. The OAuth2 application stays registered in Workfront."}{" "}
            Until someone connects again, users cannot be listed or changed and bulk jobs pause.
          </DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline" disabled={pending}>
              Cancel
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
            {pending ? "Disconnecting…" : "Disconnect"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
