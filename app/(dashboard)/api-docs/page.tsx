import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { type OperationView, apiReference } from "@/lib/api-docs/reference";
import { requirePageUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("apiDocs");
  return { title: t("metaTitle") };
}

/**
 * The JSON API's reference for anyone signed in: the same description /api/openapi.json serves,
 * rendered. Summaries and schemas stay in English, as the API's codes and field names do.
 */
export default async function ApiDocsPage() {
  await requirePageUser();
  const t = await getTranslations("apiDocs");
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="max-w-3xl text-sm text-muted-foreground">{t("intro")}</p>
        <p className="text-sm">
          <a className="underline underline-offset-4" href="/api/openapi.json">
            {t("download")}
          </a>
        </p>
        <p className="text-sm text-muted-foreground">{t("errors", { shape: '{"error": {"code", "message"}}' })}</p>
      </div>
      {apiReference().map((operation) => (
        <Operation key={operation.id} operation={operation} />
      ))}
    </div>
  );
}

async function Operation({ operation }: { operation: OperationView }) {
  const [t, roles] = await Promise.all([getTranslations("apiDocs"), getTranslations("common.roles")]);
  return (
    <section aria-labelledby={operation.id} className="space-y-3 rounded-lg border p-4">
      <h2 id={operation.id} className="flex flex-wrap items-center gap-2 font-mono text-sm font-semibold">
        <Badge variant="secondary">{operation.method}</Badge>
        <span className="break-all">{operation.path}</span>
      </h2>
      <p className="text-sm">{operation.summary}</p>
      {operation.description ? <p className="text-sm text-muted-foreground">{operation.description}</p> : null}
      <p className="text-sm">
        <span className="font-medium">{t("access")}: </span>
        {operation.role ? t("role", { role: roles(operation.role) }) : t("open")}
      </p>
      {operation.parameters.length > 0 ? (
        <div tabIndex={0} className="overflow-x-auto focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
          <table className="w-full text-left text-sm">
            <caption className="mb-1 text-left font-medium">{t("parameters")}</caption>
            <thead>
              <tr className="border-b">
                <th scope="col" className="py-1 pr-3">{t("name")}</th>
                <th scope="col" className="py-1 pr-3">{t("where")}</th>
                <th scope="col" className="py-1 pr-3">{t("required")}</th>
                <th scope="col" className="py-1">{t("schema")}</th>
              </tr>
            </thead>
            <tbody>
              {operation.parameters.map((parameter) => (
                <tr key={`${parameter.in}-${parameter.name}`} className="border-b align-top last:border-0">
                  <td className="py-1 pr-3 font-mono">{parameter.name}</td>
                  <td className="py-1 pr-3">{parameter.in}</td>
                  <td className="py-1 pr-3">{parameter.required ? t("yes") : t("no")}</td>
                  <td className="py-1 font-mono text-xs break-all">{parameter.schema}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {operation.body ? (
        <div className="space-y-1">
          <h3 className="text-sm font-medium">{t("body")}</h3>
          {/* Focusable, so a keyboard can scroll a wide schema (axe: scrollable-region-focusable). */}
          <pre tabIndex={0} className="overflow-x-auto rounded-md bg-muted p-3 text-xs focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
            {operation.body}
          </pre>
        </div>
      ) : null}
      <div className="space-y-1">
        <h3 className="text-sm font-medium">{t("responses")}</h3>
        <ul className="list-inside list-disc text-sm">
          {operation.responses.map((response) => (
            <li key={response.status}>
              <span className="font-mono">{response.status}</span> {response.description}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
