"use client";

import { CalendarDays } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { fieldClassName } from "@/components/ui/input";
import { formatTypedDate, parseTypedDate } from "@/lib/i18n/date-input";
import { isLocale } from "@/lib/i18n/locales";
import { cn } from "@/lib/utils";

interface DateFieldProps {
  id?: string;
  /** Submitted with a plain form as typed; the server reads both forms (lib/i18n/date-input.ts). */
  name?: string;
  /** Controlled: an ISO date, or null for none. */
  value?: string | null;
  /** Uncontrolled: the first value (an ISO date, or a date as typed in either form). */
  defaultValue?: string;
  /** Called with the ISO date once the text is a date, or null once it is emptied. */
  onValueChange?: (iso: string | null) => void;
  className?: string;
}

/**
 * A date field in the UI's language, not the browser's (a native `type="date"` field shows the
 * browser's format): a text field in the language's format (2026-03-29 in English, 29.03.2026 in
 * German) with the format as a hint, a message once the reader leaves a text that is not a date, and a button that
 * opens the browser's own calendar (its month names are the browser's; what it picks is written
 * in the UI's format). Typing stays the way in: the button is a shortcut.
 */
export function DateField({ id, name, value, defaultValue, onValueChange, className }: DateFieldProps) {
  const t = useTranslations("common.dateField");
  const rawLocale = useLocale();
  const locale = isLocale(rawLocale) ? rawLocale : "en";
  const controlled = value !== undefined;
  const initial = controlled ? (value ?? "") : (defaultValue ?? "");
  const [text, setText] = useState(() => (initial ? formatTypedDate(initial, locale) : ""));
  // A controlled value changed from outside (a "clear" button): show it, unless the text already means it.
  const [seen, setSeen] = useState(value);
  if (controlled && value !== seen) {
    setSeen(value);
    if (parseTypedDate(text) !== (value ?? null)) setText(value ? formatTypedDate(value, locale) : "");
  }
  const picker = useRef<HTMLInputElement>(null);
  const ownId = useId();
  const inputId = id ?? `${ownId}-text`;
  const hintId = `${ownId}-hint`;
  const format = t("format");
  const iso = parseTypedDate(text);
  // Said once the reader leaves the field, not at every keystroke of a date still being typed.
  const [left, setLeft] = useState(false);
  const invalid = left && text.trim() !== "" && iso === null;

  function change(next: string) {
    setText(next);
    setLeft(false);
    const parsed = parseTypedDate(next);
    if (next.trim() === "") onValueChange?.(null);
    else if (parsed) onValueChange?.(parsed);
  }

  function openCalendar() {
    const input = picker.current;
    if (!input) return;
    try {
      input.showPicker();
    } catch {
      // No picker here (an older browser, or no user gesture): typing is the way in.
      document.getElementById(inputId)?.focus();
    }
  }

  return (
    <span className={cn("relative inline-flex flex-col gap-1", className)}>
      <span className="relative flex">
        <input
          id={inputId}
          name={name}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder={format}
          value={text}
          aria-invalid={invalid || undefined}
          aria-describedby={hintId}
          onChange={(event) => change(event.target.value)}
          onBlur={() => setLeft(true)}
          className={cn(fieldClassName, "h-9 py-1 pr-9")}
        />
        <button
          type="button"
          onClick={openCalendar}
          aria-label={t("pick")}
          className="absolute inset-y-0 right-0 flex w-9 items-center justify-center rounded-r-md text-muted-foreground hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        >
          <CalendarDays aria-hidden className="size-4" />
        </button>
        <input
          ref={picker}
          type="date"
          tabIndex={-1}
          aria-hidden
          value={iso ?? ""}
          onChange={(event) => change(event.target.value ? formatTypedDate(event.target.value, locale) : "")}
          className="pointer-events-none absolute right-0 bottom-0 h-px w-px opacity-0"
        />
      </span>
      <span id={hintId} className={invalid ? "text-xs text-destructive" : "sr-only"} role={invalid ? "alert" : undefined}>
        {invalid ? t("invalid", { format }) : t("hint", { format })}
      </span>
    </span>
  );
}
