/**
 * `POST /token` with a token of this service as the subject (docs/narrowing.md): a narrower token for a
 * sub-task. One signature check, the policy's decision (policy/narrowing.ts), one read of the
 * revocation state for the parent and its ancestors, a DPoP proof where the parent is bound
 * (whoever copied the token without its key cannot narrow it), one signature. No single-use
 * record: a parent may be narrowed many times, each child no wider than it.
 */
import { decideNarrowing } from "../policy/narrowing";
import type { ExchangeAudit } from "./audit";
import type { ExchangeContext } from "./exchange";
import { OAuthError, unavailable } from "./http/errors";
import type { TokenRequest } from "./http/token-request";
import { mintNarrowedToken } from "./mint/access-token";
import { readOwnToken } from "./own-token";
import { enforceRateLimit } from "./rate-limit";
import { StateUnavailable } from "./state/ledger";
import { verifyTokenRequestProof } from "./token-request-proof";
import { type TokenResponse, tokenResponse } from "./token-response";

export async function narrowToken(
  params: TokenRequest,
  proofs: string | null,
  context: ExchangeContext,
): Promise<TokenResponse> {
  const { config, audit } = context;
  audit.grant = "narrowing";
  const read = await readOwnToken(params.subjectToken, config, context.now);
  if (!read.ok) throw new OAuthError(400, "invalid_request", read.reason);
  const { claims: parent, lineage } = read.token;
  recordParent(audit, parent, lineage.depth);
  await enforceRateLimit(
    context.repositoryLimit,
    // The same budget as the job's own exchanges: per issuer of the job's GitHub token.
    `repository:${rootIssuer(parent)}\n${String(parent.repository_id)}`,
    "repository",
    context.log,
  );

  const decision = decideNarrowing(
    config.policy,
    {
      environment: String(parent.environment),
      aud: String(parent.aud),
      scope: typeof parent.scope === "string" ? parent.scope : "",
      exp: parent.exp,
      lineage,
    },
    {
      environment: params.environment,
      audience: params.audience,
      resources: params.resources,
      scopes: params.scopes,
      ttl: params.expiresIn,
    },
    context.now,
  );
  if (!decision.allowed) {
    const extra = decision.refusedScopes ? { refused_scopes: decision.refusedScopes } : {};
    throw new OAuthError(400, decision.error, decision.reason, extra);
  }
  const revoked = await context.ledger.anyRevoked([parent.jti, ...lineage.ancestorJtis]).catch((error: unknown) => {
    if (error instanceof StateUnavailable) throw unavailable("state_unavailable");
    throw error;
  });
  if (revoked) throw new OAuthError(400, "invalid_request", "parent_token_revoked");

  // A bound parent is narrowed only with a proof by its own key, and its child stays bound to it;
  // a bearer parent's child is bound to the key of a proof sent with the request, if any.
  const parentJkt = (parent.cnf as { jkt?: unknown } | undefined)?.jkt;
  const boundTo = typeof parentJkt === "string" ? parentJkt : undefined;
  let jkt: string | undefined;
  if (proofs !== null) jkt = await verifyTokenRequestProof(proofs, context, boundTo);
  else if (boundTo !== undefined) throw new OAuthError(400, "invalid_dpop_proof", "dpop_parent_bound");
  else if (decision.environment.dpop === "required") throw new OAuthError(400, "invalid_dpop_proof", "dpop_required");

  const jti = context.newJti();
  const key = config.keys.active;
  const minted = await mintNarrowedToken({
    key,
    parent,
    ancestorJtis: lineage.ancestorJtis,
    scopes: decision.scopes,
    ttl: decision.ttl,
    now: context.now,
    jti,
    ...(jkt !== undefined ? { jkt } : {}),
  });
  audit.jti = jti;
  audit.kid = key.kid;
  return tokenResponse(minted.token, jkt, decision);
}

/** The issuer of the job's GitHub token, at the bottom of the `act` chain. */
function rootIssuer(claims: Readonly<Record<string, unknown>>): string {
  let actor = claims.act as Record<string, unknown> | undefined;
  while (actor && typeof actor.act === "object" && actor.act !== null) actor = actor.act as Record<string, unknown>;
  return typeof actor?.iss === "string" ? actor.iss : "";
}

function recordParent(audit: ExchangeAudit, parent: Readonly<Record<string, unknown>>, depth: number): void {
  const text = (name: string) => (typeof parent[name] === "string" ? (parent[name] as string) : undefined);
  audit.repository = text("repository");
  audit.repository_id = text("repository_id");
  audit.run_id = text("run_id");
  audit.ref = text("ref");
  audit.environment = text("environment");
  audit.parent_jti = text("jti");
  audit.depth = depth + 1;
}
