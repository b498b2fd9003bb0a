/**
 * Who can obtain what (`policy report`): per environment, each rule's admitted identities
 * (issuer and where its keys come from, repository by id and name, refs, GitHub environment, workflow, events,
 * runner, other claims) and what they get (scopes, lifetime, DPoP, narrowing), with the lint warnings that
 * concern the rule beside it. Reads a validated policy value; pure.
 */
import { formatDuration, parseDuration } from "../protocol/duration";
import { GITHUB_COM_ISSUER } from "../protocol/names";
import { jwksUriOf } from "./issuer-keys";
import { defaultTtlSeconds } from "./kinds/defaults";
import { describeGithubToken, githubSettingsOf } from "./kinds/github";
import { describeOidcToken, oidcSettingsOf } from "./kinds/oidc";
import type { Problem } from "./problems";

type Fields = Record<string, unknown>;

export interface RuleReport {
  readonly rule: string;
  readonly admits: Readonly<Record<string, readonly string[]>>;
  readonly grants: {
    readonly scopes: readonly string[];
    readonly max_ttl: string;
    readonly dpop: string;
    /** Whether the holder may mint narrower tokens from it for sub-tasks (docs/narrowing.md). */
    readonly narrowing: string;
    /** For an `oidc` environment: the token a cloud trusts, in words (no scopes, DPoP or narrowing). */
    readonly token?: string;
  };
  readonly warnings: readonly string[];
}

export interface EnvironmentReport {
  readonly environment: string;
  readonly audience: string;
  readonly rules: readonly RuleReport[];
  readonly warnings: readonly string[];
}

const list = (value: unknown): string[] =>
  value === undefined || value === null ? [] : (Array.isArray(value) ? value : [value]).map(String);

/** Where each trusted issuer's keys come from, as a reviewer should see it next to every rule it admits. */
function issuerKeySources(policy: Fields): Map<string, string> {
  const sources = new Map<string, string>([
    [GITHUB_COM_ISSUER, `keys from ${jwksUriOf({ issuer: GITHUB_COM_ISSUER })}`],
  ]);
  for (const item of (Array.isArray(policy.issuers) ? policy.issuers : []) as Fields[]) {
    const issuer = String(item.issuer);
    const keys = (item.jwks as { keys?: Fields[] } | undefined)?.keys;
    sources.set(
      issuer,
      keys
        ? `inline keys ${keys.map((key) => String(key.kid)).join(", ")}`
        : `keys from ${jwksUriOf({ issuer, jwksUri: item.jwks_uri === undefined ? undefined : String(item.jwks_uri) })}`,
    );
  }
  return sources;
}

export function reportPolicy(policy: Fields, warnings: readonly Problem[]): EnvironmentReport[] {
  const keySources = issuerKeySources(policy);
  const under = (path: string) =>
    warnings
      .filter((warning) => warning.path === path || warning.path.startsWith(`${path}.`))
      .map((warning) => `${warning.path.slice(path.length).replace(/^\./, "") || "(rule)"}: ${warning.message}`);
  return Object.entries((policy.environments ?? {}) as Record<string, Fields>).map(([name, environment]) => {
    const path = `environments.${name}`;
    const oidc = environment.kind === "oidc" ? oidcSettingsOf(name, environment) : undefined;
    const github = environment.kind === "github" ? githubSettingsOf(environment) : undefined;
    const maxTtl =
      parseDuration(environment.max_ttl) ?? parseDuration(environment.ttl) ?? defaultTtlSeconds(environment.kind);
    const rules = (Array.isArray(environment.rules) ? environment.rules : []) as Fields[];
    return {
      environment: name,
      audience: String(environment.audience ?? name),
      warnings: warnings
        .filter((warning) => warning.path === path || warning.path === `${path}.audience`)
        .map((warning) => warning.message),
      rules: rules.map((rule, index) => {
        const admits: Record<string, string[]> = {
          issuer: list(rule.issuer ?? environment.issuer ?? GITHUB_COM_ISSUER).map(
            (issuer) => `${issuer} (${keySources.get(issuer) ?? "not trusted"})`,
          ),
          repository:
            rule.repository_id !== undefined
              ? [`id ${rule.repository_id}${rule.repository ? ` (${rule.repository})` : ""}`]
              : rule.repository !== undefined
                ? [`name ${rule.repository} (any repository of that name, present or future)`]
                : [`any repository of owner id ${rule.owner_id}`],
        };
        const condition = (label: string, value: unknown, absent: string) => {
          admits[label] = value === undefined ? [absent] : list(value);
        };
        condition("ref", rule.ref, "any ref");
        condition("ref_type", rule.ref_type, "branch or tag");
        condition("environment", rule.environment, "any GitHub environment, or none");
        condition("workflow", rule.workflow, "any workflow");
        condition("event", rule.event, "any event but pull_request_target, workflow_run, issue_comment");
        condition("runner", rule.runner, "GitHub-hosted or self-hosted");
        if (rule.owner_id !== undefined && (rule.repository_id !== undefined || rule.repository !== undefined)) {
          admits.owner_id = [String(rule.owner_id)];
        }
        for (const [claim, value] of Object.entries((rule.claims ?? {}) as Fields))
          admits[`claims.${claim}`] = list(value);
        const ruleMaxTtl = parseDuration(rule.max_ttl) ?? maxTtl;
        return {
          rule: typeof rule.name === "string" ? rule.name : `rules[${index}]`,
          admits,
          grants: {
            scopes: list(rule.scopes ?? environment.scopes),
            max_ttl: formatDuration(Math.min(ruleMaxTtl, maxTtl)),
            dpop: environment.dpop === "required" ? "required" : "optional",
            narrowing: environment.narrowing === "allowed" ? "allowed" : "denied",
            ...(oidc ? { token: describeOidcToken(oidc) } : {}),
            ...(github ? { token: describeGithubToken(github) } : {}),
          },
          warnings: under(`${path}.rules[${index}]`),
        };
      }),
    };
  });
}
