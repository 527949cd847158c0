import { describe, expect, it } from "vitest";
import { registerOAuthApp } from "@/lib/connection/test-support";
import { clientFor, control, testEmulatorForFile } from "@/lib/workfront/test-support";
import { hasFailure } from "./rows";
import { breaking, failures, headerOf, results, rowOf, smokeOf, workfrontError } from "./test-support";

/**
 * `npm run smoke` against the emulator over HTTP: it passes where the emulator behaves as Adobe
 * documents, and where one behaviour is broken (by the emulator, or by a `fetch` that answers for
 * the tenant) the table says which with a row of its own.
 */
const emulator = testEmulatorForFile();

interface StoredUser {
  ID: string;
  isActive: boolean;
  accessLevelID: string;
  scheduleDeactivationDate: number | null;
}
const stored = (id: string) => control<StoredUser>(emulator(), "GET", `users/${id}`);
const writes = async () => (await control<{ writes: number }>(emulator(), "GET", "stats")).writes;

/** An active user who is neither the integration user nor the main admin nor a System Administrator. */
async function testUserId(): Promise<string> {
  const users = await clientFor(emulator()).searchUsers({
    filters: [{ field: "isActive", value: true }],
    limit: 50,
  });
  const candidate = users.find(
    (user) =>
      user.id !== emulator().adminUserID &&
      user.id !== emulator().integrationUser.ID &&
      !user.accessLevel?.isAdmin,
  );
  return candidate!.id;
}

describe("against the emulator() as Adobe documents Workfront", () => {
  it("passes read-only: every read the app makes answers as the app expects", async () => {
    const { rows } = await smokeOf(emulator());
    expect(failures(rows)).toEqual([]);
    expect(results(rows)).toMatchObject({
      "tenant URL": "PASS",
      "API version v21.0": "PASS",
      "credential ($$USER)": "PASS",
      "error envelope (bad key)": "PASS",
      "USER metadata": "PASS",
      count: "PASS",
      "search (cicontains, OR)": "PASS",
      "paging ($$FIRST, $$LIMIT)": "PASS",
      "sort (_Sort)": "PASS",
      "get by ID": "PASS",
      "read by IDs (ID_Mod=in)": "PASS",
      "main admin (adminUserID)": "PASS",
      "/batch (undocumented)": "SKIP",
    });
    expect(rows.some((entry) => entry.check.startsWith("write"))).toBe(false);
    expect(await writes()).toBe(0);
  });

  it("passes with --write: the test user goes through each write path and ends as it began", async () => {
    const id = await testUserId();
    const before = await stored(id);
    const { rows } = await smokeOf(emulator(), { write: { userId: id } });
    expect(failures(rows)).toEqual([]);
    expect(results(rows)).toMatchObject({
      "write: test user": "PASS",
      "write: single PUT": "PASS",
      "write: bulk edit": "PASS",
      actualDeactivationDate: "INFO",
      "scheduleDeactivationDate write": "INFO",
      "write: test user restored": "PASS",
    });
    expect(await stored(id)).toMatchObject({
      isActive: true,
      accessLevelID: before.accessLevelID,
      scheduleDeactivationDate: null,
    });
  });

  it("authenticates as an OAuth2 server-to-server app, and keeps its secrets out of the rows", async () => {
    const app = await registerOAuthApp(emulator());
    const { clientId, clientSecret, customerId, userId, privateKeyPem } = app;
    const report = await smokeOf(emulator(), {
      credential: { kind: "oauth2", app: { clientId, clientSecret, customerId, userId, privateKeyPem } },
    });
    expect(failures(report.rows)).toEqual([]);
    expect(rowOf(report.rows, "OAuth2 exchange").result).toBe("PASS");
    expect(report.secrets).toContain(clientSecret);
    const text = JSON.stringify(report.rows);
    for (const secret of report.secrets) expect(text).not.toContain(secret);
  });
});

describe("with one behaviour broken", () => {
  it("fails the tenant URL when it redirects, names where to, and stops before sending the credential", async () => {
    const sent: string[] = [];
    const redirecting = breaking((url, init) => {
      sent.push(headerOf(init, "apiKey") ?? "none");
      return new Response(null, {
        status: 302,
        headers: { location: "https://acme.my.workfront.adobe.com/attask/api" },
      });
    });
    const { rows } = await smokeOf(emulator(), { fetch: redirecting });
    expect(failures(rows).map((entry) => entry.check)).toEqual(["tenant URL"]);
    expect(rowOf(rows, "tenant URL").app).toContain("https://acme.my.workfront.adobe.com");
    expect(sent).toEqual(["none"]);
  });

  it("reads metadata with integer enums, and says which fields have them", async () => {
    const fetchWithIntegers = breaking(async (url, init) => {
      if (!url.pathname.endsWith("/user/metadata")) return undefined;
      const body = (await (await fetch(url, init)).json()) as { data: { fields: Record<string, unknown> } };
      body.data.fields.defaultInterface = {
        fieldType: "int",
        possibleValues: [
          { label: "Default", value: 0 },
          { label: "Project Management Home", value: 1 },
        ],
      };
      return Response.json(body);
    });
    const { rows } = await smokeOf(emulator(), { fetch: fetchWithIntegers });
    expect(failures(rows)).toEqual([]);
    expect(rowOf(rows, "USER metadata")).toMatchObject({
      result: "PASS",
      detail: expect.stringContaining("defaultInterface"),
    });
  });

  it("reports a tenant without /batch, and fails only when asked to probe it", async () => {
    const noBatch = breaking((url) =>
      url.pathname.endsWith("/batch")
        ? workfrontError(400, "com.attask.common.APIModelException", "Unknown object type: batch")
        : undefined,
    );
    const quiet = await smokeOf(emulator(), { fetch: noBatch });
    expect(hasFailure(quiet.rows)).toBe(false);
    expect(rowOf(quiet.rows, "/batch (undocumented)").result).toBe("SKIP");

    const probed = await smokeOf(emulator(), { fetch: noBatch, batch: true });
    expect(failures(probed.rows).map((entry) => entry.check)).toEqual(["/batch (undocumented)"]);
    expect(rowOf(probed.rows, "/batch (undocumented)").detail).toContain("Unknown object type: batch");
  });

  it("fails with the version's row when the version does not answer, names one that does, and stops", async () => {
    const noV21 = breaking((url) =>
      url.pathname.includes("/attask/api/v21.0/")
        ? workfrontError(404, "com.attask.common.NotFoundException", "API version v21.0 is not supported")
        : undefined,
    );
    const { rows } = await smokeOf(emulator(), { fetch: noV21 });
    expect(failures(rows).map((entry) => entry.check)).toEqual(["API version v21.0"]);
    expect(rowOf(rows, "API version v21.0")).toMatchObject({
      detail: expect.stringContaining("v22.0 does"),
      app: expect.stringContaining("WORKFRONT_API_VERSION=22.0"),
    });
    expect(rowOf(rows, "remaining checks").result).toBe("SKIP");
  });

  it("only reports v15.0 when it no longer answers", async () => {
    const noV15 = breaking((url) =>
      url.pathname.includes("/attask/api/v15.0/")
        ? workfrontError(404, "com.attask.common.NotFoundException", "gone")
        : undefined,
    );
    const { rows } = await smokeOf(emulator(), { fetch: noV15 });
    expect(hasFailure(rows)).toBe(false);
    expect(rowOf(rows, "v15.0 (deprecated)")).toMatchObject({
      result: "INFO",
      detail: expect.stringContaining("does not answer"),
    });
  });

  it("fails the read by IDs when ID_Mod=in searches do not answer, and only reports a missing get-many", async () => {
    const noInSearch = breaking((url) =>
      url.searchParams.get("ID_Mod") === "in"
        ? workfrontError(400, "com.attask.common.InvalidParameterException", "Unsupported modifier in")
        : undefined,
    );
    const broken = await smokeOf(emulator(), { fetch: noInSearch });
    expect(failures(broken.rows).map((entry) => entry.check)).toEqual(["read by IDs (ID_Mod=in)"]);
    expect(rowOf(broken.rows, "read by IDs (ID_Mod=in)").app).toContain("Bulk jobs");

    const noGetMany = breaking((url, init) =>
      (init?.method ?? "GET") === "GET" && url.pathname.endsWith("/user") && url.searchParams.has("id")
        ? workfrontError(400, "com.attask.common.InvalidParameterException", "id lists are not supported")
        : undefined,
    );
    const reported = await smokeOf(emulator(), { fetch: noGetMany });
    expect(hasFailure(reported.rows)).toBe(false);
    expect(rowOf(reported.rows, "get-many (user?id=A,B)").result).toBe("WARN");
  });

  it("fails when a refused key is not read as a refused credential", async () => {
    const vague = breaking((_url, init) => {
      const key = headerOf(init, "apiKey");
      return key && key !== emulator().apiKey
        ? workfrontError(500, "com.attask.common.InternalException", "Something went wrong")
        : undefined;
    });
    const { rows } = await smokeOf(emulator(), { fetch: vague });
    expect(failures(rows).map((entry) => entry.check)).toEqual(["error envelope (bad key)"]);
    expect(rowOf(rows, "error envelope (bad key)").detail).toContain("HTTP 500");
  });

  it("says to move the API key to the query when the tenant refuses it as a header", async () => {
    const queryOnly = breaking((_url, init) =>
      headerOf(init, "apiKey")
        ? workfrontError(401, "com.attask.common.AuthenticationException", "You are not currently logged in")
        : undefined,
    );
    const { rows } = await smokeOf(emulator(), { fetch: queryOnly });
    expect(rowOf(rows, "credential")).toMatchObject({
      result: "FAIL",
      app: expect.stringContaining("WORKFRONT_API_KEY_PLACEMENT=query"),
    });
  });

  it("puts the test user back when a write path fails half-way", async () => {
    const id = await testUserId();
    const before = await stored(id);
    const noAtomic = breaking((url) =>
      url.searchParams.get("atomic") === "true"
        ? workfrontError(500, "com.attask.common.InternalException", "atomic edits are down")
        : undefined,
    );
    const { rows } = await smokeOf(emulator(), { fetch: noAtomic, write: { userId: id } });
    expect(rowOf(rows, "write: bulk edit")).toMatchObject({
      result: "FAIL",
      detail: expect.stringContaining("reactivate failed"),
    });
    expect(rowOf(rows, "write: test user restored").result).toBe("PASS");
    expect(await stored(id)).toMatchObject({ isActive: true, accessLevelID: before.accessLevelID });
  });

  it("writes through /batch only with --batch, and restores the user when /batch is missing", async () => {
    const id = await testUserId();
    const noBatch = breaking((url) =>
      url.pathname.endsWith("/batch")
        ? workfrontError(400, "com.attask.common.APIModelException", "Unknown object type: batch")
        : undefined,
    );
    const { rows } = await smokeOf(emulator(), { fetch: noBatch, batch: true, write: { userId: id } });
    expect(rowOf(rows, "write: /batch").result).toBe("FAIL");
    expect(rowOf(rows, "write: test user restored").result).toBe("PASS");
    expect((await stored(id)).isActive).toBe(true);
  });

  it("refuses to write to the credential's own user or the main admin, and writes nothing", async () => {
    for (const id of [emulator().integrationUser.ID, emulator().adminUserID]) {
      const { rows } = await smokeOf(emulator(), { write: { userId: id } });
      expect(rowOf(rows, "write: test user").result).toBe("FAIL");
      expect(rows.some((entry) => entry.check === "write: single PUT")).toBe(false);
    }
    expect(await writes()).toBe(0);
  });
});
