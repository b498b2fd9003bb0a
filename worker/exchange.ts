/**
 * `POST /token`: the token exchange (docs/protocol.md), or, for a token of this service, narrowing it
 * (docs/narrowing.md; narrow.ts). Each step refuses with its own fixed reason;
 * the order matters: cheap checks and size limits first, then the issuer allowlist, then
 * cryptography, then policy, then minting.
 */

import { PolicyArtifactError } from "../policy/compile";
import { type Decision, evaluatePolicy } from "../policy/evaluate";
import type { Claims } from "../policy/types";
import { MAX_DPOP_PROOF_BYTES } from "../protocol/dpop-proof";
import { type ExchangeAudit, recordSubject } from "./audit";
import type { ServiceConfig } from "./config";
import type { GithubAppClient } from "./github/app-client";
import { invalidRequest, OAuthError, unavailable } from "./http/errors";
import { readForm } from "./http/form";
import { parseTokenRequest, type TokenRequest } from "./http/token-request";
import type { Logger } from "./log";
import { GRANTS } from "./mint/grant";
import { narrowToken } from "./narrow";
import type { JwksCache } from "./oidc/jwks-cache";
import { CLOCK_SKEW_SECONDS, SubjectTokenRejected, verifySubjectToken } from "./oidc/verify-subject-token";
import { enforceRateLimit } from "./rate-limit";
import { StateUnavailable, type TokenLedger } from "./state/ledger";
import type { TokenResponse } from "./token-response";

export interface ExchangeContext {
  readonly config: ServiceConfig;
  readonly keys: JwksCache;
  /** GitHub's API for `github` environments (app JWTs and installations cached per isolate). */
  readonly github: GithubAppClient;
  readonly ledger: TokenLedger;
  /** Per repository id, once the caller is verified; off when unbound. */
  readonly repositoryLimit: RateLimit | undefined;
  readonly log: Logger;
  /** Seconds since the epoch. */
  readonly now: number;
  readonly newJti: () => string;
  /** Filled in as the exchange proceeds; written once by the caller, whatever the outcome. */
  readonly audit: ExchangeAudit;
}

export async function exchangeToken(request: Request, context: ExchangeContext): Promise<TokenResponse> {
  const { config, audit } = context;
  const proofs = request.headers.get("dpop");
  if (proofs !== null && new TextEncoder().encode(proofs).byteLength > MAX_DPOP_PROOF_BYTES) {
    throw invalidRequest("dpop_proof_too_large", 413);
  }
  const form = await readForm(request);
  refuseClientCredentials(request, form);
  const params = parseTokenRequest(form);
  if (params.subjectKind === "access_token") return narrowToken(params, proofs, context);

  let subject: Awaited<ReturnType<typeof verifySubjectToken>>;
  try {
    subject = await verifySubjectToken(params.subjectToken, {
      trusted: config.trusted,
      audience: config.audience,
      selfIssuer: config.issuer,
      keys: context.keys,
      maxStaleMs: config.issuerKeysMaxStaleMs,
      now: context.now,
    });
  } catch (error) {
    if (!(error instanceof SubjectTokenRejected)) throw error;
    if (error.reason === "issuer_unavailable") throw unavailable("issuer_unavailable");
    throw invalidRequest(error.reason);
  }
  await recordSubject(audit, subject.claims);
  await enforceRateLimit(
    context.repositoryLimit,
    // Per issuer: repository ids of GitHub.com and of a GHES instance are different namespaces.
    `repository:${subject.claims.iss}\n${subject.claims.repository_id}`,
    "repository",
    context.log,
  );

  const decision = decide(config, subject.claims, params, context.log);
  audit.environment = decision.environment?.name ?? params.environment;
  if (!decision.allowed) {
    const extra: Record<string, unknown> = {};
    if (decision.denial) extra.denial = decision.denial;
    if (decision.refusedScopes) extra.refused_scopes = decision.refusedScopes;
    throw new OAuthError(400, decision.error, decision.reason, extra);
  }
  audit.rule = decision.rule.label;

  // The last gate before minting, which each kind passes through once its own checks hold: the
  // subject token is spent then, whatever happens next, so a failure from there on issues
  // nothing and a replay never issues twice.
  // This exchange's own id: a claim retried after a lost answer is still this exchange's.
  const exchangeId = crypto.randomUUID();
  const spend = async () => {
    const exp = subject.claims.exp as number;
    const fresh = await context.ledger
      .claimSubjectToken(subject.issuer, subject.claims.jti as string, (exp + CLOCK_SKEW_SECONDS) * 1000, exchangeId)
      .catch((error: unknown) => {
        if (error instanceof StateUnavailable) throw unavailable("state_unavailable");
        throw error;
      });
    if (!fresh) throw invalidRequest("subject_token_replayed");
  };
  return GRANTS[decision.environment.kind]({ subject, decision, proofs, context }, spend);
}

/** The policy's decision; a bundled rule this version cannot compile fails closed, and says so. */
function decide(config: ServiceConfig, claims: Claims, params: TokenRequest, log: Logger): Decision {
  try {
    return evaluatePolicy(config.policy, claims, {
      environment: params.environment,
      audience: params.audience,
      resources: params.resources,
      scopes: params.scopes,
      ttl: params.expiresIn,
    });
  } catch (error) {
    if (!(error instanceof PolicyArtifactError)) throw error;
    log({ level: "error", event: "config_invalid", problem: `the bundled policy is invalid: ${error.message}` });
    throw unavailable("misconfigured");
  }
}

/**
 * docs/protocol.md: no client credentials are used. A request that carries them is refused (401
 * invalid_client, RFC 6749 §5.2), since ignoring them would mislead a misconfigured client.
 */
function refuseClientCredentials(request: Request, form: ReadonlyMap<string, string>): void {
  const authorization = request.headers.get("authorization");
  if (authorization === null && !form.has("client_secret") && !form.has("client_assertion")) return;
  // RFC 6749 §5.2: a client that used the Authorization header gets a challenge in its scheme.
  const scheme = authorization?.match(/^[A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]{0,31}/)?.[0];
  const headers: Record<string, string> = scheme ? { "www-authenticate": `${scheme} realm="downscope"` } : {};
  throw new OAuthError(401, "invalid_client", "client_credentials_not_used", {}, headers);
}
