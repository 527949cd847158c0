"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { fetchJson, postJson } from "@/lib/client/fetch-json";
import { useErrorText } from "@/lib/client/use-error-text";
import type { ReassignmentSummary } from "@/lib/reassign/queries";
import { CATEGORY_REASSIGNABLE, type ImpactCategoryKey } from "@/lib/offboarding/impact/types";

interface ReassignFormProps {
  leaverId: string;
  /** The default successor: the leaver's manager, when Workfront names an active one. */
  manager: { id: string; name: string } | null;
}

type Answer = { reassignment: ReassignmentSummary };
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Hands what the person holds to a successor (default: their manager), then shows the page again. */
export function ReassignForm({ leaverId, manager }: ReassignFormProps) {
  const t = useTranslations("person.reassign");
  const errorText = useErrorText();
  const router = useRouter();
  const successorId = useId();
  const reasonId = useId();
  const [successor, setSuccessor] = useState(manager?.id ?? "");
  const categories = useTranslations("person.impact.categories");
  const perCategoryId = useId();
  const [perCategory, setPerCategory] = useState<Partial<Record<ImpactCategoryKey, string>>>({});
  const chosen = Object.fromEntries(Object.entries(perCategory).flatMap(([key, id]) => (id?.trim() ? [[key, id.trim()]] : [])));
  const [reason, setReason] = useState("");
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<ReassignmentSummary | null>(null);
  const [error, setError] = useState<ReturnType<typeof errorText> | null>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      let { reassignment } = await postJson<Answer>("/api/reassignments", {
        leavers: [
          {
            leaverId,
            ...(successor.trim() ? { successorId: successor.trim() } : {}),
            ...(Object.keys(chosen).length > 0 ? { successors: chosen } : {}),
          },
        ],
        reason,
      });
      // The server hands the items over in the background; follow it until it is done.
      while (reassignment.status !== "completed") {
        await wait(500);
        ({ reassignment } = await fetchJson<Answer>(`/api/reassignments/${reassignment.id}`));
      }
      setResult(reassignment);
      router.refresh();
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      onSubmit={submit}
      aria-labelledby={`${reasonId}-heading`}
      className="space-y-3 rounded-md border p-3"
    >
      <h3 id={`${reasonId}-heading`} className="font-medium">
        {t("heading")}
      </h3>
      <div className="space-y-1">
        <Label htmlFor={successorId}>{t("successor")}</Label>
        <Input
          id={successorId}
          value={successor}
          onChange={(e) => setSuccessor(e.target.value)}
          className="font-mono"
        />
        <p className="text-xs text-muted-foreground">
          {manager ? t("managerHint", { name: manager.name }) : t("noManager")}
        </p>
      </div>
      <details className="space-y-2 text-sm">
        <summary className="cursor-pointer">{t("perCategory")}</summary>
        <p id={perCategoryId} className="text-xs text-muted-foreground">
          {t("perCategoryHint")}
        </p>
        <div className="grid gap-2 sm:grid-cols-2">
          {CATEGORY_REASSIGNABLE.map((key) => (
            <div key={key} className="space-y-1">
              <Label htmlFor={`${perCategoryId}-${key}`}>{categories(key)}</Label>
              <Input
                id={`${perCategoryId}-${key}`}
                value={perCategory[key] ?? ""}
                aria-describedby={perCategoryId}
                onChange={(e) => setPerCategory((now) => ({ ...now, [key]: e.target.value }))}
                className="font-mono"
              />
            </div>
          ))}
        </div>
      </details>
      <div className="space-y-1">
        <Label htmlFor={reasonId}>{t("reason")}</Label>
        <Input
          id={reasonId}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          required
          minLength={3}
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? t("working") : t("submit")}
      </Button>
      <div aria-live="polite">
        {result ? (
          <p className="text-sm" role="status">
            {t("done", { done: result.counts.done, failed: result.counts.failed })}
          </p>
        ) : null}
        {error ? (
          <p className="text-sm text-destructive" role="alert">
            {error.message}
            {error.detail ? <span className="block text-xs">{error.detail}</span> : null}
          </p>
        ) : null}
      </div>
    </form>
  );
}
