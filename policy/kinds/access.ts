/** Environments of kind `access` (the default): access tokens for your own APIs, with scopes. */
import { notWithin } from "../problems";
import { type KindGrant, type KindInput, lifetimes } from "./kind";

export const DEFAULT_TTL_SECONDS = 600;

export function accessGrant(input: KindInput): KindGrant | undefined {
  const { problems, fields, path, field } = input;
  if (fields.scopes === undefined) problems.error(`${path}.scopes`, 'missing required key "scopes" in environment');
  const scopes = field<string[]>("scopes");
  if (scopes && scopes.length === 0) problems.error(`${path}.scopes`, "must name at least one scope");
  const defaultScopes = field<string[]>("default_scopes") ?? scopes;
  if (scopes && fields.default_scopes !== undefined && defaultScopes) {
    notWithin(problems, defaultScopes, scopes, `${path}.default_scopes`, "the environment's scopes");
  }
  const { ttl, maxTtl } = lifetimes(input, DEFAULT_TTL_SECONDS);
  if (!scopes || !defaultScopes) return undefined;
  return {
    audience: field<string>("audience") ?? input.name,
    scopes,
    defaultScopes,
    ttl,
    maxTtl,
    dpop: field<"optional" | "required">("dpop") ?? "optional",
    narrowing: field<"denied" | "allowed">("narrowing") ?? "denied",
  };
}
