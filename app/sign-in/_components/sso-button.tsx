"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * Starts single sign-on: next-auth makes the state, PKCE verifier and nonce, keeps them in
 * httpOnly cookies, and sends the browser to the IdP. `next` is already a checked local path.
 */
export function SsoButton({ name, next }: { name: string; next: string }) {
  const t = useTranslations("auth.signIn");
  const [pending, setPending] = useState(false);
  return (
    <Button
      className="w-full"
      aria-disabled={pending || undefined}
      onClick={() => {
        if (pending) return;
        setPending(true);
        signIn("oidc", { callbackUrl: next }).catch(() => setPending(false));
      }}
    >
      {pending ? t("redirecting", { name }) : t("withSso", { name })}
    </Button>
  );
}
