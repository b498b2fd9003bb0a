/** Where a trusted issuer's signing keys come from: what the service fetches and what a review compares. */
import type { TrustedIssuer } from "./types";

/** Its `jwks_uri`, or `<issuer>/.well-known/jwks` (GitHub's layout). */
export function jwksUriOf(issuer: Pick<TrustedIssuer, "issuer" | "jwksUri">): string {
  return issuer.jwksUri ?? `${issuer.issuer.replace(/\/+$/, "")}/.well-known/jwks`;
}
