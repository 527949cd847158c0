"use client";

import dynamic from "next/dynamic";
import type { ToasterProps } from "sonner";

// sonner (about 10 kB gzipped) has nothing to show at first paint, so it loads after the page;
// `notify` imports the same module instance, whose toast queue the Toaster listens to.
const Sonner = dynamic(() => import("sonner").then((module) => module.Toaster), { ssr: false });

/** Where toasts appear; sonner announces them in a polite live region. */
export function Toaster(props: ToasterProps) {
  return <Sonner position="bottom-right" richColors closeButton {...props} />;
}

export const notify = {
  success(message: string): void {
    void import("sonner").then(({ toast }) => toast.success(message));
  },
  error(message: string): void {
    void import("sonner").then(({ toast }) => toast.error(message));
  },
};
