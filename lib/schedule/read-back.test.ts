import { describe, expect, it } from "vitest";
import { clientFor, control, stats, testEmulatorForFile } from "@/lib/workfront/test-support";
import { type ReadBack, readBackStates } from "./read-back";

/** The proof of a scheduled deactivation: one count when everyone is inactive, a search when not. */
const emulator = testEmulatorForFile();

async function users(isActive: boolean, count: number): Promise<string[]> {
  const found = await clientFor(emulator()).searchUsers({
    filters: [
      { field: "isActive", value: isActive },
      { field: "accessLevel:isAdmin", value: false },
    ],
    sort: [{ field: "ID", direction: "asc" }],
    limit: count,
  });
  expect(found).toHaveLength(count);
  // Only what the code under test sends is counted.
  await control(emulator(), "POST", "stats/reset");
  return found.map((user) => user.id);
}

const summary = (states: Map<string, ReadBack>, ids: readonly string[]) =>
  ids.map((id) => {
    const state = states.get(id);
    if (!state) return "missing";
    return state.ok ? (state.isActive ? "active" : "inactive") : ((state.error as { code?: string }).code ?? "error");
  });

describe("readBackStates", () => {
  it("answers everyone inactive from one count when the count is everyone", async () => {
    const ids = await users(false, 25);
    const states = await readBackStates(clientFor(emulator()), [...ids, ids[0]!]);
    expect(summary(states, ids)).toEqual(ids.map(() => "inactive"));
    expect(states.size).toBe(25);
    expect((await stats(emulator())).byRoute).toEqual({ "GET USER/count": 1 });
  });

  it("searches when the count falls short, and names who is still active and who is gone", async () => {
    const inactive = await users(false, 5);
    const [active] = await users(true, 1);
    const gone = "f".repeat(32);
    const ids = [...inactive, active!, gone];
    const states = await readBackStates(clientFor(emulator()), ids);
    expect(summary(states, ids)).toEqual([...inactive.map(() => "inactive"), "active", "not_found"]);
    expect((await stats(emulator())).byRoute).toEqual({ "GET USER/count": 1, "GET USER/search": 1 });
  });

  it("calls everyone failed when the count fails, and asks nothing for nobody", async () => {
    const ids = await users(false, 3);
    const client = clientFor(emulator(), {
      maxRetries: 0,
      fetch: async () => new Response(JSON.stringify({ error: { class: "java.lang.IllegalStateException", message: "down" } }), { status: 503, headers: { "content-type": "application/json" } }),
    });
    const states = await readBackStates(client, ids);
    expect(summary(states, ids)).toEqual(["unavailable", "unavailable", "unavailable"]);
    expect(await readBackStates(clientFor(emulator()), [])).toEqual(new Map());
    expect((await stats(emulator())).total).toBe(0);
  });
});
