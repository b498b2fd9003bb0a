/** The parameters of `POST /token` (docs/protocol.md), validated before any cryptography. */
import { ENVIRONMENT_NAME, SCOPE_TOKEN } from "../../protocol/names";
import { invalidRequest, OAuthError } from "./errors";
import type { TokenForm } from "./form";

export const TOKEN_EXCHANGE_GRANT = "urn:ietf:params:oauth:grant-type:token-exchange";
export const ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";
/** A GitHub OIDC token, exchanged under the policy's rules (docs/policy.md). */
export const SUBJECT_TOKEN_TYPES = [
  "urn:ietf:params:oauth:token-type:id_token",
  "urn:ietf:params:oauth:token-type:jwt",
];
export const MAX_SUBJECT_TOKEN_BYTES = 8 * 1024;

const MAX_SCOPES = 32;
/** A GitHub token reaches at most 500 repositories. */
const MAX_RESOURCES = 500;
const EXPIRES_IN = /^[1-9][0-9]{0,5}$/;
const PRINTABLE = /^[\x21-\x7E]{1,512}$/;

export interface TokenRequest {
  readonly subjectToken: string;
  /** `github`: a GitHub OIDC token (docs/policy.md); `access_token`: a token of this service, to narrow (docs/narrowing.md). */
  readonly subjectKind: "github" | "access_token";
  readonly environment?: string;
  readonly scopes?: readonly string[];
  readonly expiresIn?: number;
  readonly audience?: string;
  /**
   * RFC 8707, each distinct value once: the audience of the token wanted (one value), or for a
   * `github` environment the repositories wanted.
   */
  readonly resources?: readonly string[];
}

export function parseTokenRequest(form: TokenForm): TokenRequest {
  const grantType = required(form, "grant_type");
  if (grantType !== TOKEN_EXCHANGE_GRANT) throw new OAuthError(400, "unsupported_grant_type", "unsupported_grant_type");
  if (form.has("actor_token") || form.has("actor_token_type")) throw invalidRequest("actor_token_not_supported");

  const subjectToken = required(form, "subject_token");
  // Counted in bytes, as sent: a multi-byte character must not slip past the limit.
  if (new TextEncoder().encode(subjectToken).byteLength > MAX_SUBJECT_TOKEN_BYTES) {
    throw invalidRequest("subject_token_too_large", 413);
  }
  const subjectTokenType = required(form, "subject_token_type");
  let subjectKind: TokenRequest["subjectKind"];
  if (SUBJECT_TOKEN_TYPES.includes(subjectTokenType)) subjectKind = "github";
  else if (subjectTokenType === ACCESS_TOKEN_TYPE) subjectKind = "access_token";
  else throw invalidRequest("unsupported_subject_token_type");
  const requestedType = optional(form, "requested_token_type");
  if (requestedType !== undefined && requestedType !== ACCESS_TOKEN_TYPE) {
    throw invalidRequest("unsupported_requested_token_type");
  }

  const environment = optional(form, "environment");
  if (environment !== undefined && !ENVIRONMENT_NAME.test(environment)) throw invalidRequest("malformed_environment");
  const scope = optional(form, "scope");
  const scopes = scope === undefined ? undefined : scope.split(" ");
  if (scopes && (scopes.length > MAX_SCOPES || !scopes.every((token) => SCOPE_TOKEN.test(token)))) {
    throw invalidRequest("malformed_scope");
  }
  const expires = optional(form, "expires_in");
  if (expires !== undefined && !EXPIRES_IN.test(expires)) throw invalidRequest("malformed_expires_in");
  const audience = optional(form, "audience");
  if (audience !== undefined && !PRINTABLE.test(audience)) throw invalidRequest("malformed_audience");
  const resources = form.resources.length > 0 ? form.resources : undefined;
  if (resources && resources.length > MAX_RESOURCES) throw invalidRequest("too_many_resources");
  if (resources && !resources.every(absoluteUri)) throw invalidRequest("malformed_resource");
  if (audience !== undefined && resources?.some((resource) => resource !== audience)) {
    throw new OAuthError(400, "invalid_target", "multiple_targets");
  }

  return {
    subjectToken,
    subjectKind,
    ...(environment !== undefined ? { environment } : {}),
    ...(scopes !== undefined ? { scopes } : {}),
    ...(expires !== undefined ? { expiresIn: Number(expires) } : {}),
    ...(audience !== undefined ? { audience } : {}),
    ...(resources !== undefined ? { resources } : {}),
  };
}

function required(form: ReadonlyMap<string, string>, name: string): string {
  const value = form.get(name);
  if (value === undefined || value === "") throw invalidRequest("missing_parameter");
  return value;
}

/** An optional parameter; one sent empty was dropped by readForm (RFC 6749 §3.2: omitted). */
function optional(form: ReadonlyMap<string, string>, name: string): string | undefined {
  return form.get(name);
}

/** RFC 8707 §2: an absolute URI, without a fragment. */
function absoluteUri(value: string): boolean {
  if (!PRINTABLE.test(value)) return false;
  try {
    const url = new URL(value);
    return url.hash === "" && !value.includes("#");
  } catch {
    return false;
  }
}
