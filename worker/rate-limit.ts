/**
 * Rate limits through Workers Rate Limiting bindings: by client address before any work, by
 * repository id once the caller is known. A limit that is not bound is off. A binding that
 * fails lets the request through (and logs): limits protect capacity, while every check that
 * decides what a token may do still runs.
 */
import { OAuthError } from "./http/errors";
import type { Logger } from "./log";

/** The binding's period: how long a caller should wait before trying again. */
export const RATE_LIMIT_RETRY_AFTER_SECONDS = 60;

export async function enforceRateLimit(
  limiter: RateLimit | undefined,
  key: string,
  scope: string,
  log: Logger,
): Promise<void> {
  if (!limiter) return;
  let outcome: RateLimitOutcome;
  try {
    outcome = await limiter.limit({ key });
  } catch (error) {
    log({ level: "error", event: "rate_limit_failed", scope, error: error instanceof Error ? error.name : "unknown" });
    return;
  }
  if (!outcome.success) {
    throw new OAuthError(
      429,
      "slow_down",
      "rate_limited",
      {},
      { "retry-after": String(RATE_LIMIT_RETRY_AFTER_SECONDS) },
    );
  }
}

/** The caller's address as Cloudflare saw it; locally there is none, and all share one bucket. */
export function clientAddress(request: Request): string {
  return request.headers.get("cf-connecting-ip") ?? "unknown";
}
