/** Which issuers the service trusts: GitHub.com always, and those the policy adds (SPEC §3). */
import type { TrustedIssuer } from "../policy/types";

export const GITHUB_ISSUER = "https://token.actions.githubusercontent.com";

export const GITHUB: TrustedIssuer = {
  issuer: GITHUB_ISSUER,
  jwksUri: `${GITHUB_ISSUER}/.well-known/jwks`,
};

export function trustedIssuers(extra: readonly TrustedIssuer[]): ReadonlyMap<string, TrustedIssuer> {
  const map = new Map<string, TrustedIssuer>([[GITHUB.issuer, GITHUB]]);
  for (const issuer of extra) map.set(issuer.issuer, issuer);
  return map;
}

/** Where an issuer's keys are: inline, its `jwks_uri`, or `<issuer>/.well-known/jwks`. */
export function jwksUriOf(issuer: TrustedIssuer): string {
  return issuer.jwksUri ?? `${issuer.issuer.replace(/\/+$/, "")}/.well-known/jwks`;
}
