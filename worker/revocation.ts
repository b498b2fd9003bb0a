/**
 * `POST /revoke` (RFC 7009) and `POST /introspect` (RFC 7662), over the token ledger. Both take
 * a token this service minted; anything else is answered as RFC 7009/7662 say (200, or
 * `{"active": false}`) without saying why, so neither endpoint is an oracle about other tokens.
 * Revoking a token revokes only its own id; its narrowed descendants carry that id among their
 * ancestors, so introspecting any of them finds it.
 */
import type { ServiceConfig } from "./config";
import { invalidRequest, unavailable } from "./http/errors";
import { readForm } from "./http/form";
import { verifyOwnToken } from "./own-token";
import { StateUnavailable, type TokenLedger } from "./state/ledger";

export interface RevocationContext {
  readonly config: ServiceConfig;
  readonly ledger: TokenLedger;
  /** Seconds since the epoch. */
  readonly now: number;
}

async function tokenParameter(request: Request): Promise<string> {
  const form = await readForm(request);
  const token = form.get("token");
  if (token === undefined || token === "") throw invalidRequest("missing_parameter");
  return token;
}

function storeFailure(error: unknown): never {
  if (error instanceof StateUnavailable) throw unavailable("state_unavailable");
  throw error;
}

/** Revokes a live token of this service until its expiry; says nothing about other tokens. */
export async function revokeToken(
  request: Request,
  context: RevocationContext,
): Promise<{ revoked: string | undefined }> {
  const token = await tokenParameter(request);
  const own = await verifyOwnToken(token, context.config, context.now);
  if (!own) return { revoked: undefined };
  await context.ledger.revoke(own.claims.jti, own.claims.exp * 1000).catch(storeFailure);
  return { revoked: own.claims.jti };
}

export async function introspectToken(request: Request, context: RevocationContext): Promise<Record<string, unknown>> {
  const token = await tokenParameter(request);
  const own = await verifyOwnToken(token, context.config, context.now);
  if (!own) return { active: false };
  // A narrowed token is inactive once it or any token it was narrowed from is revoked (docs/narrowing.md).
  const revoked = await context.ledger.anyRevoked([own.claims.jti, ...own.lineage.ancestorJtis]).catch(storeFailure);
  if (revoked) return { active: false };
  return { active: true, ...own.claims, token_type: own.claims.cnf ? "DPoP" : "Bearer" };
}
