"use client";

import { useTranslations } from "next-intl";
import { ErrorMessage } from "@/components/error-message";
import type { ConnectionStatusDto, TestResultDto } from "@/lib/connection/dto";
import type { Messages } from "@/lib/i18n/messages";
import { workfrontUserLabel } from "./connection-status-card";

type Answer = { test: TestResultDto; status: ConnectionStatusDto };
type FailureKey = `failed.${keyof Messages["settings"]["test"]["failed"]}`;

/**
 * What "Test connection" found, in the reader's language: who the credential belongs to (from the
 * status that came with the answer), or why there is no verdict, chosen by Workfront's error code.
 * The server's own (English) sentence stays as a detail when the test failed.
 */
export function TestResult({ answer, error }: { answer: Answer | undefined; error: Error | null }) {
  const t = useTranslations("settings.test");
  const tCommon = useTranslations("common");
  if (!answer) {
    return error ? (
      <div data-testid="test-result" className="space-y-1 text-sm text-destructive">
        <ErrorMessage error={error} />
      </div>
    ) : null;
  }
  const { test, status } = answer;
  if (test.ok) {
    const user = status.connection?.workfrontUser;
    const mayEdit = status.connection?.mayEditUsers ?? null;
    const admin = mayEdit === null ? "unknown" : mayEdit ? "yes" : "no";
    return (
      <p data-testid="test-result" className="text-sm text-emerald-700">
        {user ? t("ok", { who: workfrontUserLabel(user), admin }) : t("okUnknownUser")}
      </p>
    );
  }
  // The code is Workfront's error code; one this page does not know yet reads as "no verdict".
  const key = `failed.${test.code}` as FailureKey;
  return (
    <div data-testid="test-result" className="space-y-1 text-sm text-destructive">
      <p>{test.code && t.has(key) ? t(key) : t("failed.unknown")}</p>
      <p className="text-xs">{tCommon("errorDetail", { message: test.message })}</p>
    </div>
  );
}
