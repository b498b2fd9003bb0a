/**
 * Durable Object failures, inside workerd: a TokenState namespace that throws the errors
 * Cloudflare documents (overloaded; retryable, such as a reset or a lost connection), hangs, or
 * commits a claim and then loses the answer. Each asserts the answer, the number of attempts, and
 * that nothing is ever minted twice for one subject token.
 */
import { describe, expect, it } from "vitest";
import { tokenLedger } from "../../worker/state/ledger";
import type { TokenState } from "../../worker/state/token-state";
import { errorOf, exchange, githubToken, serviceEnv, testApp, testBindings } from "../support/service";

type Fault = "overloaded" | "retryable" | "reset" | "hang" | "commit-then-lost";

/** The real namespace, with the next calls' faults scripted; counts the stubs asked for. */
function faultyNamespace(faults: Fault[]) {
  const real = testBindings.DOWNSCOPE_STATE as DurableObjectNamespace<TokenState>;
  const counts = { stubs: 0, calls: 0 };
  const fail = (fault: Fault) => {
    if (fault === "overloaded") {
      throw Object.assign(new Error("Durable Object is overloaded. Too many requests queued."), {
        overloaded: true,
        retryable: false,
      });
    }
    if (fault === "reset") {
      throw Object.assign(new Error("Durable Object reset because its code was updated."), { retryable: true });
    }
    throw Object.assign(new Error("Network connection lost."), { retryable: true });
  };
  const namespace = {
    idFromName: (name: string) => real.idFromName(name),
    get: (id: DurableObjectId) => {
      counts.stubs++;
      const stub = real.get(id);
      const wrap =
        (method: "claim" | "has") =>
        async (...args: unknown[]) => {
          counts.calls++;
          const fault = faults.shift();
          const invoke = () => (stub[method] as (...a: unknown[]) => Promise<unknown>)(...args);
          if (fault === undefined) return invoke();
          if (fault === "hang") return new Promise(() => {});
          if (fault === "commit-then-lost") {
            await invoke();
            return fail("retryable");
          }
          return fail(fault);
        };
      return { claim: wrap("claim"), has: wrap("has") };
    },
  } as unknown as DurableObjectNamespace<TokenState>;
  return { namespace, counts };
}

describe("Durable Object failures", () => {
  it("retries a retryable failure once on a new stub, and then mints", async () => {
    for (const fault of ["retryable", "reset"] as const) {
      const { namespace, counts } = faultyNamespace([fault]);
      const { app, audits } = testApp();
      const response = await exchange(
        app,
        await githubToken(),
        {},
        { env: serviceEnv({ DOWNSCOPE_STATE: namespace }) },
      );
      expect(response.status, fault).toBe(200);
      expect(counts, fault).toEqual({ stubs: 2, calls: 2 });
      expect(audits().filter((audit) => audit.decision === "allowed")).toHaveLength(1);
    }
  });

  it("does not retry an overloaded object: 503 with Retry-After, nothing minted", async () => {
    const { namespace, counts } = faultyNamespace(["overloaded"]);
    const { app, audits } = testApp();
    const response = await exchange(app, await githubToken(), {}, { env: serviceEnv({ DOWNSCOPE_STATE: namespace }) });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("2");
    expect(await errorOf(response)).toMatchObject({ error: "temporarily_unavailable" });
    expect(counts.calls).toBe(1);
    expect(audits().some((audit) => audit.decision === "allowed")).toBe(false);
  });

  it("fails closed after a second retryable failure, minting nothing", async () => {
    const { namespace, counts } = faultyNamespace(["retryable", "reset"]);
    const { app, audits } = testApp();
    const response = await exchange(app, await githubToken(), {}, { env: serviceEnv({ DOWNSCOPE_STATE: namespace }) });
    expect(response.status).toBe(503);
    expect(counts.calls).toBe(2);
    expect(audits().some((audit) => audit.decision === "allowed")).toBe(false);
  });

  it("makes the claim idempotent per exchange: a retry after a committed claim mints once, a replay never", async () => {
    const { namespace, counts } = faultyNamespace(["commit-then-lost"]);
    const { app, audits } = testApp();
    const env = serviceEnv({ DOWNSCOPE_STATE: namespace });
    const token = await githubToken();
    const first = await exchange(app, token, {}, { env });
    expect(first.status).toBe(200);
    expect(counts.calls).toBe(2);
    // The same subject token again, from anyone: refused, the claim belongs to the first exchange.
    const replay = await exchange(app, token, {}, { env });
    expect(replay.status).toBe(400);
    expect(await errorOf(replay)).toMatchObject({ error: "invalid_request" });
    expect(audits().filter((audit) => audit.decision === "allowed")).toHaveLength(1);
  });

  it("gives up on an object that hangs mid-claim, within its bound", async () => {
    const { namespace } = faultyNamespace(["hang"]);
    const ledger = tokenLedger(namespace, { timeoutMs: 50 });
    await expect(
      ledger.claimSubjectToken("https://issuer.example", "hang-1", Date.now() + 60_000, "x"),
    ).rejects.toMatchObject({
      name: "StateUnavailable",
    });
    // Another exchange presenting the same token later is refused only if the hung claim committed; here it did not.
    expect(await ledger.claimSubjectToken("https://issuer.example", "hang-1", Date.now() + 60_000, "y")).toBe(true);
    expect(await ledger.claimSubjectToken("https://issuer.example", "hang-1", Date.now() + 60_000, "z")).toBe(false);
  });
});
