/** DPoP proofs at the token endpoint, for both grants (exchange.ts, narrow.ts). */
import { DpopProofRejected, verifyDpopProof } from "../protocol/dpop-proof";
import type { ServiceConfig } from "./config";
import { OAuthError, unavailable } from "./http/errors";
import { StateUnavailable, type TokenLedger } from "./state/ledger";

/**
 * A DPoP proof sent to the token endpoint (RFC 9449 §5): valid, fresh, for our configured URL
 * (never the request's own), used once; by the key `jkt` when one is required. Its key's thumbprint.
 */
export async function verifyTokenRequestProof(
  proofs: string,
  context: { readonly config: ServiceConfig; readonly now: number; readonly ledger: TokenLedger },
  jkt?: string,
): Promise<string> {
  try {
    const proof = await verifyDpopProof(proofs, {
      method: "POST",
      url: `${context.config.issuer}/token`,
      now: context.now,
      ...(jkt !== undefined ? { jkt } : {}),
      claimJti: (key, jti, until) => context.ledger.claimProofJti(key, jti, until),
    });
    return proof.jkt;
  } catch (error) {
    if (error instanceof DpopProofRejected) throw new OAuthError(400, "invalid_dpop_proof", error.problem);
    if (error instanceof StateUnavailable) throw unavailable("state_unavailable");
    throw error;
  }
}
