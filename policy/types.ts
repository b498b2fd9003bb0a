/** The compiled form of a valid policy: what evaluation reads. Built once per policy text. */
import type { ConditionResult } from "../protocol/denial";
import type { Glob, GlobOptions } from "./glob";
import type { GithubApp, GithubSettings } from "./kinds/github";
import type { OidcSettings } from "./kinds/oidc";
import type { RuleIndex } from "./rule-index";

export type DpopMode = "optional" | "required";
export type NarrowingMode = "denied" | "allowed";

export interface TrustedIssuer {
  readonly issuer: string;
  /** Where its keys are fetched from, unless `jwks` gives them inline. */
  readonly jwksUri?: string;
  readonly jwks?: { readonly keys: readonly Record<string, unknown>[] };
}

export interface CompiledPolicy {
  readonly version: 1;
  /** The `aud` a subject token must carry; `undefined` means the service's own issuer URL. */
  readonly audience?: string;
  /** Listed trusted issuers; GitHub.com's is added by the verifier unless `githubCom` is false. */
  readonly issuers: readonly TrustedIssuer[];
  /** `github_com`: whether GitHub.com's issuer is trusted (default true). */
  readonly githubCom: boolean;
  /** `github_apps`, by name: the apps `github` environments mint installation tokens of. */
  readonly githubApps: ReadonlyMap<string, GithubApp>;
  /** Keyed by the ASCII-lower-cased environment name. */
  readonly environments: ReadonlyMap<string, CompiledEnvironment>;
}

export interface CompiledEnvironment {
  /** As written in the policy. */
  readonly name: string;
  /** What it mints: access tokens for your own APIs, or tokens a cloud trusts as an OIDC issuer's. */
  readonly kind: "access" | "oidc" | "github";
  /** The `oidc` kind's settings. */
  readonly oidc?: OidcSettings;
  /** The `github` kind's settings. */
  readonly github?: GithubSettings;
  readonly audience: string;
  readonly scopes: readonly string[];
  readonly defaultScopes: readonly string[];
  readonly ttl: number;
  readonly maxTtl: number;
  readonly dpop: DpopMode;
  /** Whether holders may exchange this environment's tokens for narrower ones (docs/narrowing.md). */
  readonly narrowing: NarrowingMode;
  readonly ruleCount: number;
  /** The rule at a position in `rules` (compiled on first use when the policy was pre-validated). */
  rule(position: number): CompiledRule;
  readonly index: RuleIndex;
}

export interface CompiledRule {
  /** Position in its environment's `rules`, which is also its priority. */
  readonly position: number;
  /** The rule's `name`, or `rules[N]`: used in explanations and audit. */
  readonly label: string;
  /** The issuers whose tokens it accepts: its own, else its environment's, else GitHub.com's. */
  readonly issuers: readonly string[];
  readonly repositoryId?: string;
  readonly ownerId?: string;
  /** Owner (lower-cased, literal) and name pattern, when the rule names a repository. */
  readonly repository?: { readonly owner: string; readonly name: Glob; readonly source: string };
  readonly conditions: readonly Condition[];
  /** The scopes this rule may grant; `undefined` means all of the environment's. */
  readonly scopes?: readonly string[];
  readonly maxTtl?: number;
}

/** Verified claims of a subject token. */
export type Claims = Readonly<Record<string, unknown>>;

export type { ConditionResult } from "../protocol/denial";

export interface Condition {
  /** As written in the policy: `ref`, `claims.actor`, … */
  readonly name: string;
  /** The one claim it reads: a condition's verdict depends on nothing else. */
  readonly claim: string;
  /** The values it admits, for analysis (`policy diff` enumerates the regions they carve). */
  readonly language: ClaimLanguage;
  test(claims: Claims): ConditionResult;
}

/**
 * What a condition admits of its claim, as data: globs (any of them), exact values (any of
 * them), or the event guard (globs, but untrusted-code events only when named literally).
 */
export type ClaimLanguage =
  | { readonly kind: "globs"; readonly patterns: readonly string[]; readonly options: GlobOptions }
  | { readonly kind: "values"; readonly values: readonly string[] }
  | { readonly kind: "events"; readonly patterns: readonly string[] | undefined };
