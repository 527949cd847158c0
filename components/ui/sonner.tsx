"use client";

import { useTranslations } from "next-intl";
import dynamic from "next/dynamic";
import type { ToasterProps } from "sonner";

// sonner (about 10 kB gzipped) has nothing to show at first paint, so it loads after the page;
// `notify` imports the same module instance, whose toast queue the Toaster listens to.
const Sonner = dynamic(() => import("sonner").then((module) => module.Toaster), { ssr: false });

/**
 * Where toasts appear; sonner announces them in a polite live region. Its own labels are English,
 * so the region's name (which names sonner's default Alt+T shortcut) and each toast's close
 * button are given in the reader's language.
 */
export function Toaster(props: ToasterProps) {
  const t = useTranslations("common.toasts");
  return (
    <Sonner
      position="bottom-right"
      richColors
      closeButton
      customAriaLabel={t("region")}
      {...props}
      toastOptions={{ closeButtonAriaLabel: t("close"), ...props.toastOptions }}
    />
  );
}

/** A toast; `detail` (e.g. the server's own message behind a translated error) goes beneath it. */
export const notify = {
  success(message: string, detail?: string | null): void {
    void import("sonner").then(({ toast }) => toast.success(message, detail ? { description: detail } : undefined));
  },
  error(message: string, detail?: string | null): void {
    void import("sonner").then(({ toast }) => toast.error(message, detail ? { description: detail } : undefined));
  },
};
