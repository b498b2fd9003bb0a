/**
 * The service's errors (docs/protocol.md): an OAuth error code, an HTTP status and one of a fixed set of
 * sentences, chosen by a stable reason code. Nothing from the request is ever echoed into the
 * description; structured extras (a policy denial, refused scopes) travel in their own fields.
 */

export const ERROR_DESCRIPTIONS = {
  not_found: "There is nothing at this path.",
  method_not_allowed: "This method is not allowed at this path.",
  wrong_content_type: "The request body must be application/x-www-form-urlencoded.",
  body_too_large: "The request body is larger than 64 KiB.",
  subject_token_too_large: "The subject token is larger than 8 KiB.",
  dpop_proof_too_large: "The DPoP proof is larger than 4 KiB.",
  malformed_body: "The request body is not valid form data.",
  missing_parameter: "A required parameter is missing or empty.",
  malformed_resource: "The resource parameter must be an absolute URI without a fragment.",
  too_many_resources: "At most 500 resource parameters are accepted.",
  multiple_targets: "The audience and resource parameters name more than one target; a token is for exactly one.",
  client_credentials_not_used:
    "This service uses no client credentials: send none (the subject token identifies the caller).",
  repeated_parameter: "A parameter was given more than once.",
  unsupported_grant_type: "Only the token-exchange grant type is supported.",
  unsupported_subject_token_type:
    "The subject_token_type must be id_token or jwt (a GitHub token), or access_token (a token of this service, to narrow).",
  unsupported_requested_token_type: "Only access tokens can be requested.",
  actor_token_not_supported: "Actor tokens are not accepted.",
  malformed_scope: "The scope parameter is malformed.",
  malformed_expires_in: "The expires_in parameter must be a positive whole number of seconds.",
  malformed_environment: "The environment parameter is malformed.",
  malformed_audience: "The audience parameter is malformed.",
  // Subject token refusals: all 400 invalid_request.
  subject_token_malformed: "The subject token is not a well-formed JWT.",
  subject_token_header_rejected: "The subject token's header is not acceptable.",
  subject_token_alg_not_allowed: "The subject token's signing algorithm is not allowed.",
  subject_token_untrusted_issuer: "The subject token's issuer is not trusted.",
  subject_token_self_issued:
    "The subject token was issued by this service: to narrow it, send subject_token_type urn:ietf:params:oauth:token-type:access_token.",
  subject_token_unknown_key: "The subject token is signed by a key its issuer does not publish.",
  subject_token_bad_signature: "The subject token's signature is invalid.",
  subject_token_wrong_audience: "The subject token's audience is not this service.",
  subject_token_expired: "The subject token has expired.",
  subject_token_not_yet_valid: "The subject token is not yet valid.",
  subject_token_too_old: "The subject token was issued too long ago.",
  subject_token_claims_invalid: "The subject token lacks a required claim or has one of the wrong type.",
  subject_token_replayed: "The subject token has already been exchanged.",
  // Narrowing refusals (docs/narrowing.md): the subject token is a token of this service.
  parent_token_invalid: "The subject token is not an access token of this service.",
  parent_token_expired: "The subject access token has expired.",
  parent_token_revoked: "The subject access token, or one it was narrowed from, has been revoked.",
  parent_token_too_deep: "The subject access token was already narrowed 3 times: it cannot be narrowed further.",
  narrowing_denied:
    "The environment does not allow narrowing its tokens (its policy would have to say narrowing: allowed).",
  environment_mismatch: "The requested environment is not the subject access token's.",
  parent_audience_stale: "The subject access token's audience is no longer its environment's audience.",
  scope_not_in_parent: "A requested scope is not in the subject access token.",
  // Policy refusals.
  no_target: "No target environment was requested and the subject token names none.",
  unknown_environment: "The requested environment is not known.",
  audience_mismatch: "The requested audience is not the environment's audience.",
  resource_mismatch: "The requested resource is not the environment's audience.",
  unknown_resource: "No environment has the requested resource as its audience.",
  ambiguous_resource: "Several environments share the requested resource as their audience: name the environment.",
  no_rule_matched: "No rule of the environment allows this identity.",
  scope_not_in_environment: "A requested scope is not offered by the environment.",
  scope_not_allowed_by_rule: "A requested scope is not allowed by the matching rule.",
  repository_not_in_environment:
    "A requested resource is not a repository of the environment (https://github.com/<owner>/<name>, or the GHES host).",
  dpop_required: "This environment requires a DPoP proof.",
  dpop_not_for_github: "This environment mints GitHub tokens, which GitHub uses without a DPoP proof: send none.",
  dpop_not_for_oidc:
    "This environment mints tokens for a cloud or platform, which checks no DPoP proof: send none (the token would not be bound).",
  dpop_parent_bound: "The subject access token is DPoP-bound: send a DPoP proof made with its key.",
  dpop_multiple_proofs: "Exactly one DPoP proof is allowed.",
  dpop_malformed: "The DPoP proof is not a well-formed JWT.",
  dpop_wrong_type: "The DPoP proof's typ must be dpop+jwt.",
  dpop_alg_not_allowed: "The DPoP proof must be signed with ES256 or EdDSA (alg EdDSA or Ed25519).",
  dpop_bad_key: "The DPoP proof must embed a public EC P-256 or Ed25519 key, and nothing else.",
  dpop_bad_signature: "The DPoP proof's signature is invalid.",
  dpop_method_mismatch: "The DPoP proof's htm does not match the request method.",
  dpop_url_mismatch: "The DPoP proof's htu does not match this endpoint.",
  dpop_stale: "The DPoP proof's iat is too far from now.",
  dpop_ath_mismatch: "The DPoP proof's ath does not match the access token.",
  dpop_key_mismatch: "The DPoP proof's key is not the key the token is bound to.",
  dpop_replayed: "The DPoP proof has already been used.",
  dpop_missing_claim: "The DPoP proof lacks a required claim (jti, htm, htu or iat).",
  dpop_replay_store_full: "The service cannot remember more DPoP proofs right now; try again later.",
  // GitHub's refusals for a github environment: fixed sentences, GitHub's own words only in the log.
  github_app_not_installed: "The environment's GitHub App is not installed on its owner.",
  github_repository_unavailable:
    "A repository of the environment does not exist or is not selected for the GitHub App's installation (GitHub does not say which).",
  github_permission_not_granted:
    "A permission of the environment is not granted to the GitHub App's installation, or awaits the owner's approval.",
  // Availability.
  github_unavailable: "GitHub cannot be reached or is failing right now; try again later.",
  github_rate_limited: "GitHub's rate limit for the app is reached; try again after Retry-After.",
  github_app_refused: "GitHub refused the app's credentials; the service's operators have been told why.",
  github_overgranted: "GitHub granted more than the policy allows: that token was revoked, and none is issued.",
  rate_limited: "Too many requests; slow down and try again later.",
  state_unavailable: "The service cannot record this exchange right now; try again later.",
  issuer_unavailable: "The issuer's keys cannot be fetched right now; try again later.",
  misconfigured: "The service is not configured to issue tokens; its operators have been told why.",
  internal: "The service failed unexpectedly; try again later.",
} as const;

export type ErrorReason = keyof typeof ERROR_DESCRIPTIONS;

export type OAuthErrorCode =
  | "invalid_request"
  | "unsupported_grant_type"
  | "invalid_target"
  | "invalid_scope"
  | "invalid_dpop_proof"
  | "invalid_client"
  | "slow_down"
  | "temporarily_unavailable";

export class OAuthError extends Error {
  constructor(
    readonly status: 400 | 401 | 404 | 405 | 413 | 429 | 500 | 503,
    readonly error: OAuthErrorCode,
    readonly reason: ErrorReason,
    readonly extra: Readonly<Record<string, unknown>> = {},
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(ERROR_DESCRIPTIONS[reason]);
    this.name = "OAuthError";
  }

  get description(): string {
    return ERROR_DESCRIPTIONS[this.reason];
  }

  toResponse(): Response {
    const body = { error: this.error, error_description: this.description, ...this.extra };
    return new Response(JSON.stringify(body), {
      status: this.status,
      headers: {
        "content-type": "application/json",
        "cache-control": "no-store",
        // Every 503 says when to come back; a reason that names no time gets a short one.
        ...(this.status === 503 ? { "retry-after": "5" } : {}),
        ...this.headers,
      },
    });
  }
}

export const invalidRequest = (reason: ErrorReason, status: 400 | 413 = 400) =>
  new OAuthError(status, "invalid_request", reason);

/**
 * How long a client should wait before trying again, by reason: every 503 says (`Retry-After`),
 * so the action's retries wait as long as they should, not as long as they guess.
 */
const RETRY_AFTER_SECONDS = { issuer_unavailable: 30, state_unavailable: 2, misconfigured: 60, internal: 5 } as const;

export const unavailable = (reason: keyof typeof RETRY_AFTER_SECONDS) =>
  new OAuthError(503, "temporarily_unavailable", reason, {}, { "retry-after": String(RETRY_AFTER_SECONDS[reason]) });
