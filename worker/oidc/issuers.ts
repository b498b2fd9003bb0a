/** Which issuers the service trusts: GitHub.com's unless `github_com: false`, and those the policy lists (docs/policy.md). */

import type { CompiledPolicy, TrustedIssuer } from "../../policy/types";
import { GITHUB_COM_ISSUER } from "../../protocol/names";

export const GITHUB: TrustedIssuer = {
  issuer: GITHUB_COM_ISSUER,
  jwksUri: `${GITHUB_COM_ISSUER}/.well-known/jwks`,
};

export function trustedIssuers(
  policy: Pick<CompiledPolicy, "issuers" | "githubCom">,
): ReadonlyMap<string, TrustedIssuer> {
  const map = new Map<string, TrustedIssuer>(policy.githubCom ? [[GITHUB.issuer, GITHUB]] : []);
  for (const issuer of policy.issuers) map.set(issuer.issuer, issuer);
  return map;
}
