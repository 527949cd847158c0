"use client";

import { type FormEvent, useId, useRef, useState } from "react";
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
const methods: { value: ConnectionMethod; label: string; hint: string }[] = [
  {
    value: "password",
    label: "Username and password",
    hint: "Used once: the server asks Workfront for this user's API key (or makes one), stores the key and forgets the password.",
  },
  { value: "api_key", label: "API key", hint: "A key made in Workfront under Setup › System › Customer Info › API Key Settings." },
  {
    value: "oauth2",
    label: "OAuth2 server-to-server",
    hint: "A Machine-to-Machine app from Setup › System › OAuth2 Applications: the server signs a short JWT with the private key and trades it for a session, renewed before it expires.",
  },
];

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
  error: string | null;
  onSubmit: (body: ConnectBody) => Promise<unknown>;
}) {
  const [method, setMethod] = useState<ConnectionMethod>("password");
  const form = useRef<HTMLFormElement>(null);
  const tabsId = useId();
  const pemId = useId();
  const current = methods.find((entry) => entry.value === method)!;

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
    <form ref={form} onSubmit={submit} className="space-y-4" aria-label="Connect Workfront" autoComplete="off">
      <Field
        label="Workfront domain or address"
        name="tenant"
        defaultValue={defaultTenant}
        hint="acme, acme.my.workfront.com or https://acme.my.workfront.adobe.com"
        disabled={disabled}
      />
      <fieldset className="space-y-3" disabled={disabled || pending}>
        <legend className="mb-2 text-sm font-medium">How to connect</legend>
        <TabsList aria-label="How to connect">
          {methods.map((entry) => (
            <TabsTrigger
              key={entry.value}
              id={`${tabsId}-${entry.value}`}
              aria-controls={`${tabsId}-panel`}
              selected={method === entry.value}
              onClick={() => setMethod(entry.value)}
            >
              {entry.label}
            </TabsTrigger>
          ))}
        </TabsList>
        <TabsPanel id={`${tabsId}-panel`} aria-labelledby={`${tabsId}-${method}`} className="space-y-3">
          <p className="text-sm text-muted-foreground">{current.hint}</p>
          {method === "password" ? (
            <>
              <Field label="Workfront username" name="username" autoComplete="off" />
              <Field label="Password" name="password" type="password" autoComplete="new-password" />
            </>
          ) : null}
          {method === "api_key" ? <Field label="API key" name="apiKey" type="password" autoComplete="new-password" spellCheck={false} /> : null}
          {method === "oauth2" ? (
            <>
              <Field label="Client ID" name="clientId" autoComplete="off" spellCheck={false} />
              <Field label="Client secret" name="clientSecret" type="password" autoComplete="new-password" />
              <Field label="Customer ID" name="customerId" autoComplete="off" spellCheck={false} hint="The app's Customer ID: the JWT's issuer." />
              <Field label="User ID" name="userId" autoComplete="off" spellCheck={false} hint="The Workfront user who registered the public key: the JWT's subject." />
              <div className="space-y-1.5">
                <Label htmlFor={pemId}>Private key (PEM)</Label>
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
                  -----BEGIN PRIVATE KEY----- … The RSA key whose public half is registered on the app. It is stored encrypted and never shown again.
                </p>
              </div>
            </>
          ) : null}
        </TabsPanel>
      </fieldset>
      {error ? (
        <p role="alert" className="rounded-md border border-destructive/50 bg-destructive/5 px-3 py-2 text-sm text-destructive">
          {error}
        </p>
      ) : null}
      <Button type="submit" disabled={disabled || pending}>
        {pending ? "Connecting…" : "Test and connect"}
      </Button>
    </form>
  );
}
