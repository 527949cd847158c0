"use client";

import { LogOutIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { postJson } from "@/lib/client/fetch-json";
import { signOut } from "@/lib/client/sign-out";

/**
 * "Sign out everywhere": ends every session of the admin's own account, in every browser (a
 * shared computer, a lost laptop), this one included, and goes to the sign-in page.
 */
export function SessionsCard() {
  const t = useTranslations("settings.sessions");
  const [state, setState] = useState<"idle" | "pending" | "failed">("idle");
  return (
    <section aria-labelledby="sessions-heading" className="space-y-3 rounded-lg border p-4">
      <h2 id="sessions-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="text-sm text-muted-foreground">{t("intro")}</p>
      <Button
        variant="outline"
        aria-disabled={state === "pending" || undefined}
        onClick={() => {
          if (state === "pending") return;
          setState("pending");
          // Then the usual sign-out, which clears this browser's cookie and loads the sign-in page.
          postJson("/api/sessions/end", {})
            .then(() => signOut("/sign-in"))
            .catch(() => setState("failed"));
        }}
      >
        <LogOutIcon className="size-4" aria-hidden />
        {t(state === "pending" ? "pending" : "button")}
      </Button>
      {state === "failed" ? (
        <p role="alert" className="text-sm text-destructive">
          {t("failed")}
        </p>
      ) : null}
    </section>
  );
}
