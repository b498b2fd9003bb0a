/**
 * What an environment's kind decides, behind one small interface: the shared compiler reads the
 * environment's common keys (issuer, rules) and asks the kind for what the environment grants
 * and how a request may narrow it (its scope items, lifetimes, DPoP and narrowing modes), and
 * for the kind's own settings. One module per kind: access.ts, oidc.ts, github.ts.
 */
import type { Problems } from "../problems";
import type { GithubApp, GithubSettings } from "./github";
import type { OidcSettings } from "./oidc";

export type EnvironmentKind = "access" | "oidc" | "github";

export interface KindInput {
  readonly problems: Problems;
  readonly name: string;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly path: string;
  /** A field's value checked by its schema kind; `undefined` when absent or invalid. */
  field<T>(key: string): T | undefined;
  readonly githubApps: ReadonlyMap<string, GithubApp>;
}

export interface KindGrant {
  readonly audience: string;
  /** Every scope item a request may ask for, and what a request that names none gets. */
  readonly scopes: readonly string[];
  readonly defaultScopes: readonly string[];
  readonly ttl: number;
  readonly maxTtl: number;
  readonly dpop: "optional" | "required";
  readonly narrowing: "denied" | "allowed";
  /** Why rules may not name scopes, when the kind grants none of its own. */
  readonly noScopes?: string;
  readonly oidc?: OidcSettings;
  readonly github?: GithubSettings;
}

/** Keys that only one kind has. */
export const KIND_ONLY_FIELDS: Readonly<Record<EnvironmentKind, readonly string[]>> = {
  access: [],
  oidc: ["subject", "algorithm", "aws_session_tags"],
  github: ["app", "owner", "repositories", "permissions", "organization_permissions"],
};

/** `ttl` and `max_ttl`, with the kind's default lifetime. */
export function lifetimes(input: KindInput, defaultTtl: number): { ttl: number; maxTtl: number } {
  const ttl = input.field<number>("ttl") ?? defaultTtl;
  const maxTtl = input.field<number>("max_ttl") ?? Math.max(ttl, 0);
  if (ttl > maxTtl) input.problems.error(`${input.path}.ttl`, "must not exceed max_ttl");
  return { ttl, maxTtl };
}
