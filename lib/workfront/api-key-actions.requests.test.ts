import { describe, expect, it } from "vitest";
import { apiKeyActions } from "./api-key-actions";
import { WorkfrontError } from "./errors";
import type { WorkfrontRequest } from "./transport";

/** The actions over a fake `call` that records each request and answers with `answer`. */
function actionsAnswering(answer: unknown) {
  const sent: Record<string, unknown>[] = [];
  const actions = apiKeyActions(async (request: WorkfrontRequest) => {
    sent.push({ ...request, form: request.form?.toString() });
    return answer;
  });
  return { actions, sent };
}

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof WorkfrontError)) throw error;
    return { code: error.code, message: error.message };
  }
  throw new Error("expected a WorkfrontError");
}

const login = { username: "jane@acme.example", password: "p&ss=word" };
const loginForm = (action: string) =>
  `method=PUT&action=${action}&username=jane%40acme.example&password=p%26ss%3Dword`;

describe("apiKeyActions: the requests", () => {
  it("generateApiKey posts method=PUT, the action and the login in a form to user, anonymous and never retried", async () => {
    const { actions, sent } = actionsAnswering({ result: "new-key-1234" });
    expect(await actions.generateApiKey(login)).toBe("new-key-1234");
    expect(sent).toEqual([
      { method: "POST", path: "user", form: loginForm("generateApiKey"), idempotent: false, anonymous: true },
    ]);
  });

  it("getApiKey and clearApiKey send the same shape with their own action", async () => {
    const { actions, sent } = actionsAnswering({ result: "old-key-5678" });
    expect(await actions.getApiKey(login)).toBe("old-key-5678");
    expect(await actions.clearApiKey(login)).toBeUndefined();
    expect(sent).toEqual([
      { method: "POST", path: "user", form: loginForm("getApiKey"), idempotent: false, anonymous: true },
      { method: "POST", path: "user", form: loginForm("clearApiKey"), idempotent: false, anonymous: true },
    ]);
  });

  it("clearOwnApiKey sends no login and goes out with the client's own credential", async () => {
    const { actions, sent } = actionsAnswering({ success: true });
    expect(await actions.clearOwnApiKey()).toBeUndefined();
    expect(sent).toEqual([
      { method: "POST", path: "user", form: "method=PUT&action=clearApiKey", idempotent: false, anonymous: false },
    ]);
  });

  it("clearOwnApiKey does not read the answer", async () => {
    const { actions } = actionsAnswering("not an object");
    expect(await actions.clearOwnApiKey()).toBeUndefined();
  });
});

describe("apiKeyActions: the answers", () => {
  it("getApiKey reads an empty, null or missing result as no key", async () => {
    for (const answer of [{ result: "" }, { result: null }, {}, { success: true }]) {
      expect(await actionsAnswering(answer).actions.getApiKey(login), JSON.stringify(answer)).toBeNull();
    }
  });

  it("generateApiKey refuses an answer without a key", async () => {
    for (const answer of [{ result: "" }, { result: null }, { success: true }]) {
      expect(await failure(actionsAnswering(answer).actions.generateApiKey(login)), JSON.stringify(answer)).toEqual({
        code: "unavailable",
        message: "Workfront did not return an API key",
      });
    }
  });

  it("clearApiKey accepts a success flag or a result alike", async () => {
    expect(await actionsAnswering({ success: true }).actions.clearApiKey(login)).toBeUndefined();
    expect(await actionsAnswering({ result: "" }).actions.clearApiKey(login)).toBeUndefined();
  });

  it("an answer that is not an object with a string result is refused, naming the action", async () => {
    for (const answer of [null, "key", [], { result: 42 }]) {
      const { actions } = actionsAnswering(answer);
      expect(await failure(actions.getApiKey(login)), JSON.stringify(answer)).toEqual({
        code: "unavailable",
        message: "Workfront's getApiKey answer was not valid",
      });
      expect(await failure(actions.generateApiKey(login))).toEqual({
        code: "unavailable",
        message: "Workfront's generateApiKey answer was not valid",
      });
      expect(await failure(actions.clearApiKey(login))).toEqual({
        code: "unavailable",
        message: "Workfront's clearApiKey answer was not valid",
      });
    }
  });

  it("a failed call's error reaches the caller unchanged", async () => {
    const refused = new WorkfrontError("auth", "You are not currently logged in");
    const actions = apiKeyActions(async () => {
      throw refused;
    });
    await expect(actions.getApiKey(login)).rejects.toBe(refused);
    await expect(actions.clearOwnApiKey()).rejects.toBe(refused);
  });
});
