/**
 * The policy's decision on narrowing a token of this service (docs/narrowing.md): the same environment,
 * audience and issuer as the parent, scopes within the parent's (and still within the
 * environment's), a lifetime that ends no later than the parent's, at most MAX_NARROWING_DEPTH
 * levels, and only where the environment says `narrowing: allowed`. Pure: the caller has
 * verified the parent's signature and passes the time in.
 */
import { HARD_MAX_TTL_SECONDS } from "../protocol/duration";
import { MAX_NARROWING_DEPTH, type TokenLineage } from "../protocol/token-lineage";
import type { AccessRequest } from "./evaluate";
import { findEnvironment } from "./evaluate";
import { asciiLower } from "./glob";
import type { CompiledEnvironment, CompiledPolicy } from "./types";

/** What the decision reads of a verified parent token. */
export interface ParentToken {
  readonly environment: string;
  readonly aud: string;
  /** Space-separated, as minted. */
  readonly scope: string;
  /** Seconds since the epoch. */
  readonly exp: number;
  readonly lineage: TokenLineage;
}

export type NarrowingRefusal =
  | "unknown_environment"
  | "environment_mismatch"
  | "audience_mismatch"
  | "resource_mismatch"
  | "parent_audience_stale"
  | "narrowing_denied"
  | "parent_token_too_deep"
  | "parent_token_expired"
  | "scope_not_in_parent";

export type NarrowingDecision =
  | {
      readonly allowed: true;
      readonly environment: CompiledEnvironment;
      readonly scopes: readonly string[];
      readonly ttl: number;
    }
  | {
      readonly allowed: false;
      readonly error: "invalid_target" | "invalid_scope" | "invalid_request";
      readonly reason: NarrowingRefusal;
      readonly refusedScopes?: readonly string[];
    };

/** `now` in seconds since the epoch. */
export function decideNarrowing(
  policy: CompiledPolicy,
  parent: ParentToken,
  request: AccessRequest,
  now: number,
): NarrowingDecision {
  const refuse = (
    error: "invalid_target" | "invalid_scope" | "invalid_request",
    reason: NarrowingRefusal,
    refusedScopes?: readonly string[],
  ): NarrowingDecision => ({ allowed: false, error, reason, ...(refusedScopes ? { refusedScopes } : {}) });

  const environment = findEnvironment(policy, parent.environment);
  if (!environment) return refuse("invalid_target", "unknown_environment");
  if (request.environment !== undefined && asciiLower(request.environment) !== asciiLower(parent.environment)) {
    return refuse("invalid_target", "environment_mismatch");
  }
  if (request.audience !== undefined && request.audience !== environment.audience) {
    return refuse("invalid_target", "audience_mismatch");
  }
  if (request.resources?.some((resource) => resource !== environment.audience)) {
    return refuse("invalid_target", "resource_mismatch");
  }
  // The policy may have moved the environment to another service since the parent was minted.
  if (parent.aud !== environment.audience) return refuse("invalid_target", "parent_audience_stale");
  if (environment.narrowing !== "allowed") return refuse("invalid_target", "narrowing_denied");
  if (parent.lineage.depth + 1 > MAX_NARROWING_DEPTH) return refuse("invalid_request", "parent_token_too_deep");

  const parentScopes = parent.scope === "" ? [] : parent.scope.split(" ");
  const scopes = request.scopes ? [...new Set(request.scopes)] : parentScopes;
  // Within the parent's, and within what the environment grants today (the policy may have shrunk).
  const refused = scopes.filter((scope) => !parentScopes.includes(scope) || !environment.scopes.includes(scope));
  if (refused.length > 0) return refuse("invalid_scope", "scope_not_in_parent", refused);

  const remaining = parent.exp - now;
  if (remaining <= 0) return refuse("invalid_request", "parent_token_expired");
  const ttl = Math.min(request.ttl ?? environment.ttl, environment.maxTtl, HARD_MAX_TTL_SECONDS, remaining);
  return { allowed: true, environment, scopes, ttl };
}
