/**
 * Retrying transient failures: exponential backoff with full jitter, `Retry-After` honoured up
 * to a cap, and a bound on attempts and on total time. Denials are never retried: the caller
 * decides what is transient.
 */
import { ActionError, type Clock } from "./core";

export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A longer `Retry-After` is cut to this. */
  readonly maxRetryAfterMs: number;
  /** No retry starts once this much time has passed since the first attempt. */
  readonly totalBudgetMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 30_000,
  totalBudgetMs: 90_000,
};

export type Attempt<T> = { readonly ok: T } | { readonly transient: string; readonly retryAfterMs?: number };

/** Full jitter: a uniform delay in [0, min(max, base × 2^retry)). */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date; `undefined` when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export async function withRetries<T>(
  attempt: (number: number) => Promise<Attempt<T>>,
  policy: RetryPolicy,
  clock: Clock,
  onRetry: (reason: string, delayMs: number, nextAttempt: number) => void,
): Promise<T> {
  const started = clock.now();
  for (let number = 1; ; number++) {
    const outcome = await attempt(number);
    if ("ok" in outcome) return outcome.ok;
    const jitter = backoffDelay(number - 1, policy, clock.random);
    const delay =
      outcome.retryAfterMs === undefined
        ? jitter
        : Math.min(policy.maxRetryAfterMs, Math.max(outcome.retryAfterMs, jitter));
    const elapsed = clock.now() - started;
    if (number >= policy.maxAttempts || elapsed + delay > policy.totalBudgetMs) {
      throw new ActionError(
        `Gave up after ${number} attempt${number === 1 ? "" : "s"} in ${Math.round(elapsed / 1000)}s: ${outcome.transient}.`,
      );
    }
    onRetry(outcome.transient, delay, number + 1);
    await clock.sleep(delay);
  }
}
