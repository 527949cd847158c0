"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { NativeSelect } from "@/components/ui/native-select";
import { postJson } from "@/lib/client/fetch-json";
import { LOCALES, type Locale, isLocale, localeNames } from "@/lib/i18n/locales";

/** The language switch in the header: remembered in a cookie, then the page re-renders on the server. */
export function LocaleSwitcher() {
  const t = useTranslations("common.language");
  const locale = useLocale();
  const router = useRouter();
  const id = useId();
  const [failed, setFailed] = useState(false);
  const [pending, startTransition] = useTransition();

  const choose = (next: Locale) => {
    setFailed(false);
    startTransition(async () => {
      try {
        await postJson("/api/preferences/locale", { locale: next });
        router.refresh();
      } catch {
        setFailed(true);
      }
    });
  };

  return (
    <div className="flex items-center gap-2 text-sm">
      <label htmlFor={id} className="sr-only">
        {t("label")}
      </label>
      <NativeSelect
        id={id}
        value={locale}
        aria-busy={pending || undefined}
        onChange={(event) => {
          if (isLocale(event.target.value)) choose(event.target.value);
        }}
      >
        {LOCALES.map((option) => (
          // Each language names itself, as people look for their own.
          <option key={option} value={option} lang={option}>
            {localeNames[option]}
          </option>
        ))}
      </NativeSelect>
      <span role="status" className={failed ? "text-destructive" : "sr-only"}>
        {failed ? t("failed") : pending ? t("saving") : ""}
      </span>
    </div>
  );
}
