/**
 * The decision for one verified identity and one request (docs/policy.md, "Matching" and "Granting").
 * Pure: no clock, no I/O. The service and the CLI's `explain` both call this.
 */
import type { Denial } from "../protocol/denial";
import { HARD_MAX_TTL_SECONDS } from "../protocol/duration";
import { asciiLower } from "./glob";
import { repositoryOfResource } from "./kinds/github";
import type { Claims, CompiledEnvironment, CompiledPolicy, CompiledRule, ConditionResult } from "./types";

export interface AccessRequest {
  /** The target; when absent, the token's `environment` claim. */
  readonly environment?: string;
  /** When given, must equal the environment's audience. */
  readonly audience?: string;
  /**
   * RFC 8707 `resource`, each distinct value once. For an environment with an audience: one
   * value, equal to it; with no environment requested or claimed, it selects the one environment
   * whose audience it is. For a `github` environment: the repositories asked for, by URL.
   */
  readonly resources?: readonly string[];
  /** When absent, the environment's default scopes. */
  readonly scopes?: readonly string[];
  /** Requested lifetime in seconds; when absent, the environment's ttl. */
  readonly ttl?: number;
}

export interface RuleEvaluation {
  readonly rule: CompiledRule;
  readonly matched: boolean;
  readonly conditions: readonly ConditionResult[];
}

export type DenialReason =
  | "no_target"
  | "unknown_environment"
  | "audience_mismatch"
  | "resource_mismatch"
  | "unknown_resource"
  | "ambiguous_resource"
  | "no_rule_matched"
  | "scope_not_in_environment"
  | "scope_not_allowed_by_rule"
  | "multiple_targets"
  | "repository_not_in_environment";

export type Decision =
  | {
      readonly allowed: true;
      readonly environment: CompiledEnvironment;
      readonly rule: CompiledRule;
      readonly scopes: readonly string[];
      readonly ttl: number;
      /** For a `github` environment: the repositories the token is for. */
      readonly repositories?: readonly string[];
      readonly evaluations: readonly RuleEvaluation[];
    }
  | {
      readonly allowed: false;
      readonly error: "invalid_target" | "invalid_scope";
      readonly reason: DenialReason;
      readonly environment?: CompiledEnvironment;
      readonly denial?: Denial;
      readonly refusedScopes?: readonly string[];
      readonly evaluations: readonly RuleEvaluation[];
    };

export function findEnvironment(policy: CompiledPolicy, name: string): CompiledEnvironment | undefined {
  return policy.environments.get(asciiLower(name));
}

export function evaluateRule(rule: CompiledRule, claims: Claims): RuleEvaluation {
  const conditions = rule.conditions.map((condition) => condition.test(claims));
  return { rule, matched: conditions.every((result) => result.held), conditions };
}

export function evaluatePolicy(policy: CompiledPolicy, claims: Claims, request: AccessRequest): Decision {
  const target = request.environment ?? (typeof claims.environment === "string" ? claims.environment : undefined);
  let environment: CompiledEnvironment | undefined;
  if (target !== undefined) {
    environment = findEnvironment(policy, target);
    if (!environment) return refuse("invalid_target", "unknown_environment");
  } else if (request.resources?.length === 1) {
    const named = [...policy.environments.values()].filter(
      (candidate) => candidate.audience === request.resources?.[0],
    );
    if (named.length !== 1)
      return refuse("invalid_target", named.length === 0 ? "unknown_resource" : "ambiguous_resource");
    environment = named[0];
  }
  if (!environment) return refuse("invalid_target", request.resources ? "multiple_targets" : "no_target");
  const { github } = environment;
  let repositories: readonly string[] | undefined;
  if (github) {
    // `resource` names repositories here, each one of the environment's; none asked, all of them.
    if (request.audience !== undefined) return refuse("invalid_target", "audience_mismatch", { environment });
    const named = (request.resources ?? []).map((resource) => repositoryOfResource(github, resource));
    if (named.some((name) => name === undefined)) {
      return refuse("invalid_target", "repository_not_in_environment", { environment });
    }
    repositories = named.length > 0 ? [...new Set(named as string[])] : github.repositories;
  } else {
    if (request.audience !== undefined && request.audience !== environment.audience) {
      return refuse("invalid_target", "audience_mismatch", { environment });
    }
    if ((request.resources?.length ?? 0) > 1) return refuse("invalid_target", "multiple_targets", { environment });
    if (request.resources !== undefined && request.resources[0] !== environment.audience) {
      return refuse("invalid_target", "resource_mismatch", { environment });
    }
  }

  const evaluations = environment.index.covering(claims).map((rule) => evaluateRule(rule, claims));
  const matching = evaluations.filter((evaluation) => evaluation.matched).map((evaluation) => evaluation.rule);
  if (matching.length === 0) {
    return refuse("invalid_target", "no_rule_matched", {
      environment,
      evaluations,
      denial: denial(environment, claims, evaluations),
    });
  }

  const requested = request.scopes ? [...new Set(request.scopes)] : environment.defaultScopes;
  const outside = requested.filter((scope) => !environment.scopes.includes(scope));
  if (outside.length > 0) {
    return refuse("invalid_scope", "scope_not_in_environment", { environment, evaluations, refusedScopes: outside });
  }
  const allowedBy = (rule: CompiledRule) => rule.scopes ?? environment.scopes;
  const rule = matching.find((candidate) => requested.every((scope) => allowedBy(candidate).includes(scope)));
  if (!rule) {
    const anywhere = new Set(matching.flatMap(allowedBy));
    let refused = requested.filter((scope) => !anywhere.has(scope));
    // Each scope is allowed by some rule, but no one rule allows them all.
    if (refused.length === 0) refused = requested.filter((scope) => !allowedBy(matching[0]).includes(scope));
    return refuse("invalid_scope", "scope_not_allowed_by_rule", { environment, evaluations, refusedScopes: refused });
  }

  const ceiling = Math.min(rule.maxTtl ?? environment.maxTtl, environment.maxTtl, HARD_MAX_TTL_SECONDS);
  const ttl = Math.min(request.ttl ?? environment.ttl, ceiling);
  return {
    allowed: true,
    environment,
    rule,
    scopes: requested,
    ttl,
    ...(repositories ? { repositories } : {}),
    evaluations,
  };
}

function refuse(
  error: "invalid_target" | "invalid_scope",
  reason: DenialReason,
  details: {
    environment?: CompiledEnvironment;
    evaluations?: readonly RuleEvaluation[];
    denial?: Denial;
    refusedScopes?: readonly string[];
  } = {},
): Decision {
  return { allowed: false, error, reason, evaluations: [], ...details };
}

function denial(environment: CompiledEnvironment, claims: Claims, evaluations: readonly RuleEvaluation[]): Denial {
  const asString = (value: unknown) => (typeof value === "string" ? value : null);
  return {
    environment: environment.name,
    issuer: asString(claims.iss),
    repository: asString(claims.repository),
    repository_id: asString(claims.repository_id),
    covered: evaluations.length > 0,
    rules: evaluations.map(({ rule, conditions }) => ({
      rule: rule.label,
      failed: conditions.filter((result) => !result.held).map(({ held: _held, ...rest }) => rest),
    })),
  };
}
