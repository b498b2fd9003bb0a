import { describe, expect, it } from "vitest";
import type { Clock } from "../../action/core";
import { type Attempt, backoffDelay, DEFAULT_RETRY_POLICY, parseRetryAfter, withRetries } from "../../action/retry";

/** A clock that only moves when the code under test sleeps. */
function fakeClock(random = 0.5) {
  const sleeps: number[] = [];
  let now = 1_700_000_000_000;
  const clock: Clock = {
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    random: () => random,
  };
  return { clock, sleeps };
}

function script<T>(...outcomes: Attempt<T>[]) {
  let calls = 0;
  return {
    attempt: async () => outcomes[Math.min(calls++, outcomes.length - 1)],
    calls: () => calls,
  };
}

describe("retries", () => {
  it("uses full jitter under an exponential ceiling", () => {
    expect(backoffDelay(0, DEFAULT_RETRY_POLICY, () => 0.999)).toBe(999);
    expect(backoffDelay(3, DEFAULT_RETRY_POLICY, () => 0.5)).toBe(4000);
    expect(backoffDelay(10, DEFAULT_RETRY_POLICY, () => 0.999)).toBe(9990);
    expect(backoffDelay(2, DEFAULT_RETRY_POLICY, () => 0)).toBe(0);
  });

  it("reads Retry-After as seconds or a date", () => {
    const now = Date.parse("2026-11-24T10:00:00Z");
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter("Tue, 24 Nov 2026 10:00:05 GMT", now)).toBe(5000);
    expect(parseRetryAfter("Tue, 24 Nov 2026 09:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
  });

  it("retries transient failures with growing delays, then succeeds", async () => {
    const { clock, sleeps } = fakeClock(0.5);
    const { attempt, calls } = script<string>({ transient: "503" }, { transient: "503" }, { ok: "token" });
    const notes: string[] = [];
    await expect(
      withRetries(attempt, DEFAULT_RETRY_POLICY, clock, (reason, delay, next) =>
        notes.push(`${reason} ${delay} ${next}`),
      ),
    ).resolves.toBe("token");
    expect(calls()).toBe(3);
    expect(sleeps).toEqual([500, 1000]);
    expect(notes).toEqual(["503 500 2", "503 1000 3"]);
  });

  it("honours Retry-After, capped", async () => {
    const { clock, sleeps } = fakeClock(0);
    const { attempt } = script<string>(
      { transient: "429", retryAfterMs: 7000 },
      { transient: "429", retryAfterMs: 600_000 },
      { ok: "t" },
    );
    await withRetries(attempt, DEFAULT_RETRY_POLICY, clock, () => {});
    expect(sleeps).toEqual([7000, 30_000]);
  });

  it("gives up after the attempt limit, saying why", async () => {
    const { clock } = fakeClock(0);
    const { attempt, calls } = script<string>({ transient: "the service answered HTTP 503" });
    await expect(withRetries(attempt, DEFAULT_RETRY_POLICY, clock, () => {})).rejects.toThrow(
      "Gave up after 5 attempts in 0s: the service answered HTTP 503.",
    );
    expect(calls()).toBe(5);
  });

  it("never waits past the total time budget", async () => {
    const { clock, sleeps } = fakeClock(0);
    const { attempt, calls } = script<string>({ transient: "busy", retryAfterMs: 25_000 });
    const policy = { ...DEFAULT_RETRY_POLICY, maxAttempts: 100, totalBudgetMs: 60_000 };
    await expect(withRetries(attempt, policy, clock, () => {})).rejects.toThrow(
      /Gave up after 3 attempts in 50s: busy/,
    );
    expect(calls()).toBe(3);
    expect(sleeps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(60_000);
  });
});
