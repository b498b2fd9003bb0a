/**
 * Verifying a GitHub Actions OIDC token before any rule is looked at (docs/protocol.md, "Verifying the job's token"):
 * issuer allowlist first (nothing is fetched for an untrusted issuer), then RS256 only, the
 * signature, exact audience, times with 60 s of skew, age, and the claims the policy reads.
 */
import { errors, jwtVerify } from "jose";
import { REQUIRED_STRING_CLAIMS, subjectClaimsAcceptable } from "../../policy/claims";
import type { Claims, TrustedIssuer } from "../../policy/types";
import { decodeCompactJwt } from "../../protocol/compact-jwt";
import type { ErrorReason } from "../http/errors";
import type { JwksCache } from "./jwks-cache";
import { KeyLookupFailed } from "./jwks-cache";

export const CLOCK_SKEW_SECONDS = 60;
export const MAX_SUBJECT_TOKEN_AGE_SECONDS = 600;

/** Header members that point at keys or change how the payload is read: never honoured. */
const FORBIDDEN_HEADERS = ["jku", "jwk", "x5u", "x5c", "crit", "b64", "zip", "cty", "enc"];

export interface SubjectTokenContext {
  readonly trusted: ReadonlyMap<string, TrustedIssuer>;
  /** The audience a subject token must carry. */
  readonly audience: string;
  /** This service's own issuer: its tokens are never accepted as subject tokens. */
  readonly selfIssuer: string;
  readonly keys: JwksCache;
  /** How long known issuer keys are served while the issuer is unreachable (DOWNSCOPE_ISSUER_KEYS_MAX_STALE). */
  readonly maxStaleMs?: number;
  /** Seconds since the epoch. */
  readonly now: number;
}

export interface VerifiedSubject {
  readonly issuer: string;
  readonly claims: Claims;
}

export class SubjectTokenRejected extends Error {
  constructor(readonly reason: ErrorReason) {
    super(reason);
  }
}

export async function verifySubjectToken(token: string, context: SubjectTokenContext): Promise<VerifiedSubject> {
  const reject = (reason: ErrorReason): never => {
    throw new SubjectTokenRejected(reason);
  };
  const decoded = decodeCompactJwt(token) ?? reject("subject_token_malformed");
  const { header, payload } = decoded;

  // Only picks the message (nothing is trusted yet): our own token sent on this path is a client
  // that meant to narrow it (docs/narrowing.md), and should be told how.
  if (typeof payload.iss === "string" && payload.iss === context.selfIssuer) reject("subject_token_self_issued");
  if (header.alg !== "RS256") reject("subject_token_alg_not_allowed");
  if (FORBIDDEN_HEADERS.some((name) => name in header)) reject("subject_token_header_rejected");
  // GitHub always sends `typ: JWT`; an access token (`at+jwt`) is ours or another server's output.
  if (typeof header.typ !== "string" || header.typ.toUpperCase() !== "JWT") {
    reject(isAccessTokenType(header.typ) ? "subject_token_self_issued" : "subject_token_header_rejected");
  }
  if (typeof payload.iss !== "string") reject("subject_token_untrusted_issuer");
  const issuer = context.trusted.get(payload.iss as string) ?? reject("subject_token_untrusted_issuer");
  if (typeof header.kid !== "string" || header.kid === "") reject("subject_token_unknown_key");

  const key = await context.keys.key(issuer, header.kid as string, context.maxStaleMs).catch((error: unknown) => {
    if (!(error instanceof KeyLookupFailed)) throw error;
    return reject(error.code === "unknown_key" ? "subject_token_unknown_key" : "issuer_unavailable");
  });

  let claims: Claims;
  try {
    const verified = await jwtVerify(token, key, {
      algorithms: ["RS256"],
      issuer: issuer.issuer,
      audience: context.audience,
      typ: "JWT",
      clockTolerance: CLOCK_SKEW_SECONDS,
      maxTokenAge: MAX_SUBJECT_TOKEN_AGE_SECONDS,
      requiredClaims: ["exp", "iat", ...REQUIRED_STRING_CLAIMS],
      currentDate: new Date(context.now * 1000),
    });
    claims = verified.payload;
  } catch (error) {
    return reject(reasonForJoseError(error, payload, context.now));
  }

  // jose accepts an `aud` array that merely includes ours; an array must hold only ours.
  if (Array.isArray(claims.aud) && claims.aud.length !== 1) reject("subject_token_wrong_audience");
  // Times are whole seconds: jose lets `1e400` (Infinity) or 1.5 through, and an endless `exp`
  // would be remembered forever by the single-use store.
  for (const time of ["exp", "iat", "nbf"] as const) {
    if (claims[time] !== undefined && !Number.isSafeInteger(claims[time])) reject("subject_token_claims_invalid");
  }
  if (!subjectClaimsAcceptable(claims)) reject("subject_token_claims_invalid");
  return { issuer: issuer.issuer, claims };
}

function isAccessTokenType(typ: unknown): boolean {
  return typeof typ === "string" && ["at+jwt", "application/at+jwt"].includes(typ.toLowerCase());
}

function reasonForJoseError(error: unknown, payload: Readonly<Record<string, unknown>>, now: number): ErrorReason {
  if (error instanceof errors.JWTExpired) {
    return error.claim === "iat" ? "subject_token_too_old" : "subject_token_expired";
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === "missing") return "subject_token_claims_invalid";
    switch (error.claim) {
      case "aud":
        return "subject_token_wrong_audience";
      case "iss":
        return "subject_token_untrusted_issuer";
      case "nbf":
        return "subject_token_not_yet_valid";
      case "iat":
        return typeof payload.iat === "number" && payload.iat > now
          ? "subject_token_not_yet_valid"
          : "subject_token_claims_invalid";
      case "typ":
        return "subject_token_header_rejected";
      default:
        return "subject_token_claims_invalid";
    }
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return "subject_token_bad_signature";
  if (error instanceof errors.JOSEAlgNotAllowed) return "subject_token_alg_not_allowed";
  if (error instanceof errors.JWTInvalid) return "subject_token_claims_invalid";
  if (error instanceof errors.JWSInvalid) return "subject_token_malformed";
  return "subject_token_malformed";
}
