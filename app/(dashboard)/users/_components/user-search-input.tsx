"use client";

import { SearchIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { MAX_QUERY_LENGTH } from "@/lib/client/user-search";
import { useDebouncedValue } from "@/lib/client/use-debounced-value";

const DEBOUNCE_MS = 300;

interface UserSearchInputProps {
  /** The search the URL holds now. */
  value: string;
  onSearch: (q: string) => void;
}

/**
 * Search on name and e-mail. What is typed is local state; it reaches the URL (and so the query)
 * 300 ms after the last keystroke. A change to the URL from elsewhere replaces what is typed.
 */
export function UserSearchInput({ value, onSearch }: UserSearchInputProps) {
  const t = useTranslations("users.search");
  const [text, setText] = useState(value);
  const debounced = useDebouncedValue(text.trim(), DEBOUNCE_MS);
  // The last value this input sent: an incoming `value` that differs came from somewhere else.
  const sent = useRef(value);

  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value;
      setText(value);
    }
  }, [value]);

  // Act only when the debounced text itself changes: right after an outside change it still holds
  // the old text for up to 300 ms, and sending that would undo the outside change.
  const lastDebounced = useRef(debounced);
  useEffect(() => {
    if (debounced === lastDebounced.current) return;
    lastDebounced.current = debounced;
    if (debounced !== sent.current) {
      sent.current = debounced;
      onSearch(debounced);
    }
  }, [debounced, onSearch]);

  return (
    <div role="search" className="relative w-full sm:w-80">
      <Label htmlFor="user-search" className="sr-only">
        {t("label")}
      </Label>
      <SearchIcon aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
      <Input
        id="user-search"
        type="search"
        value={text}
        maxLength={MAX_QUERY_LENGTH}
        placeholder={t("placeholder")}
        autoComplete="off"
        spellCheck={false}
        className="pl-8"
        onChange={(event) => setText(event.target.value)}
      />
    </div>
  );
}
