"use client";

import { LogOutIcon } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { signOut } from "@/lib/client/sign-out";

export function SignOutButton() {
  const [state, setState] = useState<"idle" | "pending" | "failed">("idle");
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
      {{ idle: "Sign out", pending: "Signing out…", failed: "Sign out (try again)" }[state]}
    </Button>
  );
}
