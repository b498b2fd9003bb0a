/** Environments of kind `access`: an access token for your own APIs, DPoP-bound when asked. */
import { OAuthError } from "../http/errors";
import { verifyTokenRequestProof } from "../token-request-proof";
import { type TokenResponse, tokenResponse } from "../token-response";
import { mintAccessToken } from "./access-token";
import type { GrantRequest } from "./grant";

export async function grantAccessToken(
  { subject, decision, proofs, context }: GrantRequest,
  spend: () => Promise<void>,
): Promise<TokenResponse> {
  // A proof, when sent, must be valid: a client that asked for a bound token never silently
  // gets a bearer one. `htu` is checked against our configured URL, never the request's own.
  let jkt: string | undefined;
  if (proofs !== null) {
    jkt = await verifyTokenRequestProof(proofs, context);
  } else if (decision.environment.dpop === "required") {
    throw new OAuthError(400, "invalid_dpop_proof", "dpop_required");
  }
  await spend();
  const jti = context.newJti();
  const key = context.config.keys.active;
  const minted = await mintAccessToken({
    key,
    issuer: context.config.issuer,
    subject,
    environment: decision.environment.name,
    audience: decision.environment.audience,
    scopes: decision.scopes,
    ttl: decision.ttl,
    now: context.now,
    jti,
    ...(jkt !== undefined ? { jkt } : {}),
  });
  context.audit.jti = jti;
  context.audit.kid = key.kid;
  return tokenResponse(minted.token, jkt, decision);
}
