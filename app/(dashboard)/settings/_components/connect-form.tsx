"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useId, useRef, useState } from "react";
import { ErrorMessage } from "@/components/error-message";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { TabsList, TabsPanel, TabsTrigger } from "@/components/ui/tabs";
import { Textarea } from "@/components/ui/textarea";
import type { ConnectionMethod } from "@/lib/connection/vocabulary";
import type { ConnectBody } from "./settings-api";

/**
 * Three ways to connect, one form. Secret fields are uncontrolled and emptied after every submit,
 * so a secret never lives in React state and is never shown again; the server answers with the
 * status only.
 */
function Field({ label, name, hint, ...props }: { label: string; name: string; hint?: string } & React.ComponentProps<typeof Input>) {
  const id = useId();
  return (
    <div className="space-y-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Input id={id} name={name} aria-describedby={hint ? `${id}-hint` : undefined} required {...props} />
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

function bodyOf(method: ConnectionMethod, data: FormData): ConnectBody {
  const text = (name: string) => String(data.get(name) ?? "");
  const tenant = text("tenant");
  if (method === "password") return { method, tenant, username: text("username"), password: text("password") };
  if (method === "api_key") return { method, tenant, apiKey: text("apiKey") };
  return {
    method,
    tenant,
    clientId: text("clientId"),
    clientSecret: text("clientSecret"),
    privateKeyPem: text("privateKeyPem"),
    customerId: text("customerId"),
    userId: text("userId"),
  };
}

const SECRET_FIELDS = ["password", "apiKey", "clientSecret", "privateKeyPem"];

/**
 * The ways Adobe recommends first: password login is gone for organisations on the Adobe Business
 * Platform (api-basics.md "Login"), so it comes last.
 */
const METHOD_ORDER: readonly ConnectionMethod[] = ["oauth2", "api_key", "password"];

/** The fields of the chosen way to connect. */
function MethodFields({ method }: { method: ConnectionMethod }) {
  const t = useTranslations("settings.connect.fields");
  const pemId = useId();
  if (method === "password") {
    return (
      <>
        <Field label={t("username")} name="username" autoComplete="off" />
        <Field label={t("password")} name="password" type="password" autoComplete="new-password" />
      </>
    );
  }
  if (method === "api_key") return <Field label={t("apiKey")} name="apiKey" type="password" autoComplete="new-password" spellCheck={false} />;
  return (
    <>
      <Field label={t("clientId")} name="clientId" autoComplete="off" spellCheck={false} />
      <Field label={t("clientSecret")} name="clientSecret" type="password" autoComplete="new-password" />
      <Field label={t("customerId")} name="customerId" autoComplete="off" spellCheck={false} hint={t("customerIdHint")} />
      <Field label={t("userId")} name="userId" autoComplete="off" spellCheck={false} hint={t("userIdHint")} />
      <div className="space-y-1.5">
        <Label htmlFor={pemId}>{t("privateKey")}</Label>
        <Textarea
          id={pemId}
          name="privateKeyPem"
          required
          rows={6}
          spellCheck={false}
          autoComplete="off"
          className="font-mono text-xs"
          aria-describedby={`${pemId}-hint`}
        />
        <p id={`${pemId}-hint`} className="text-xs text-muted-foreground">
          {t("privateKeyHint")}
        </p>
      </div>
    </>
  );
}

export function ConnectForm({
  defaultTenant,
  disabled,
  pending,
  error,
  onSubmit,
}: {
  defaultTenant: string;
  disabled: boolean;
  pending: boolean;
  /** The last attempt's error (a RequestError from the API), shown by its code in the reader's language. */
  error: unknown;
  onSubmit: (body: ConnectBody) => Promise<unknown>;
}) {
  const t = useTranslations("settings.connect");
  const [method, setMethod] = useState<ConnectionMethod>(METHOD_ORDER[0]!);
  const form = useRef<HTMLFormElement>(null);
  const tabsId = useId();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const body = bodyOf(method, new FormData(element));
    const clearSecrets = () => {
      for (const name of SECRET_FIELDS) {
        const field = element.elements.namedItem(name);
        if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) field.value = "";
      }
    };
    clearSecrets();
    void onSubmit(body).then(
      () => element.reset(),
      () => undefined,
    );
  }

  return (
    <form ref={form} onSubmit={submit} className="space-y-4" aria-label={t("formLabel")} autoComplete="off">
      <Field label={t("tenant.label")} name="tenant" defaultValue={defaultTenant} hint={t("tenant.hint")} disabled={disabled} />
      <fieldset className="space-y-3" disabled={disabled || pending}>
        <legend className="mb-2 text-sm font-medium">{t("how")}</legend>
        <TabsList aria-label={t("how")}>
          {METHOD_ORDER.map((value) => (
            <TabsTrigger
              key={value}
              id={`${tabsId}-${value}`}
              aria-controls={`${tabsId}-panel`}
              selected={method === value}
              onClick={() => setMethod(value)}
            >
              {t(`methods.${value}.label`)}
            </TabsTrigger>
          ))}
        </TabsList>
        <TabsPanel id={`${tabsId}-panel`} aria-labelledby={`${tabsId}-${method}`} className="space-y-3">
          <p className="text-sm text-muted-foreground">{t(`methods.${method}.hint`)}</p>
          <MethodFields method={method} />
        </TabsPanel>
      </fieldset>
      {error ? (
        <div role="alert" className="space-y-1 rounded-md border border-destructive/50 bg-destructive/5 px-3 py-2 text-sm text-destructive">
          <ErrorMessage error={error} />
        </div>
      ) : null}
      <Button type="submit" disabled={disabled || pending}>
        {pending ? t("pending") : t("submit")}
      </Button>
    </form>
  );
}
