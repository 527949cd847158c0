"use client";

import { LogOutIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { signOut } from "@/lib/client/sign-out";

export function SignOutButton() {
  const [state, setState] = useState<"idle" | "pending" | "failed">("idle");
  const t = useTranslations("common.header");
  return (
    <Button
      variant="outline"
      size="sm"
      aria-disabled={state === "pending" || undefined}
      onClick={() => {
        if (state === "pending") return;
        setState("pending");
        signOut("/sign-in").catch(() => setState("failed"));
      }}
    >
      <LogOutIcon className="size-4" aria-hidden />
      {t(({ idle: "signOut", pending: "signingOut", failed: "signOutFailed" } as const)[state])}
    </Button>
  );
}
