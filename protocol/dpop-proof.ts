/**
 * Checking a DPoP proof (RFC 9449 §4.3), for the token endpoint and for resource servers alike:
 * exactly one proof, `typ: dpop+jwt`, ES256 or EdDSA (`EdDSA` or `Ed25519`) with an embedded public key (never private
 * or symmetric material, never a key fetched from elsewhere), a valid signature, `htm` and `htu`
 * matching the request after normalisation, a fresh `iat`, `ath` when an access token goes with
 * it, and a `jti` the caller has not seen (replay is checked by the caller's store).
 */
import { base64url, calculateJwkThumbprint, errors, importJWK, type JWK, jwtVerify } from "jose";

/** `Ed25519` is RFC 9864's fully-specified name for EdDSA over Ed25519, which current clients send. */
export const DPOP_ALGORITHMS = ["ES256", "EdDSA", "Ed25519"] as const;
export const MAX_DPOP_PROOF_BYTES = 4 * 1024;
/** How far a proof's `iat` may be from now, either way. */
export const DPOP_IAT_WINDOW_SECONDS = 60;

export type DpopProblem =
  | "dpop_multiple_proofs"
  | "dpop_malformed"
  | "dpop_wrong_type"
  | "dpop_alg_not_allowed"
  | "dpop_bad_key"
  | "dpop_bad_signature"
  | "dpop_missing_claim"
  | "dpop_method_mismatch"
  | "dpop_url_mismatch"
  | "dpop_stale"
  | "dpop_ath_mismatch"
  | "dpop_key_mismatch"
  | "dpop_replayed"
  | "dpop_replay_store_full";

export class DpopProofRejected extends Error {
  constructor(readonly problem: DpopProblem) {
    super(problem);
  }
}

export interface DpopExpectation {
  /** The request's method, e.g. "POST". Compared exactly: `post` is not `POST`. */
  readonly method: string;
  /** The URL the proof must name: the server's configured public URL, not the raw request URL. */
  readonly url: string;
  /** Seconds since the epoch. */
  readonly now: number;
  /** How far the proof's `iat` may be from `now`, either way; default DPOP_IAT_WINDOW_SECONDS. */
  readonly iatWindowSeconds?: number;
  /** When the proof goes with an access token: its `ath` must be this token's hash. */
  readonly accessToken?: string;
  /** When the token is bound: the proof's key must have this RFC 7638 thumbprint. */
  readonly jkt?: string;
  /** Records the proof's `jti` (scoped to its key); false when it was seen before. */
  readonly claimJti: (jkt: string, jti: string, until: number) => Promise<boolean>;
}

export interface VerifiedDpopProof {
  /** The RFC 7638 SHA-256 thumbprint of the proof's public key. */
  readonly jkt: string;
  readonly jti: string;
}

const PUBLIC_MEMBERS: Record<string, readonly string[]> = { EC: ["kty", "crv", "x", "y"], OKP: ["kty", "crv", "x"] };
const PRIVATE_MEMBERS = ["d", "p", "q", "dp", "dq", "qi", "k", "oth"];

/** `header` is the raw `DPoP` header value (several headers arrive joined by commas). */
export async function verifyDpopProof(header: string, expected: DpopExpectation): Promise<VerifiedDpopProof> {
  const reject = (problem: DpopProblem): never => {
    throw new DpopProofRejected(problem);
  };
  // A compact JWS has no comma or space: either means two headers were folded into one.
  if (/[,\s]/.test(header.trim())) reject("dpop_multiple_proofs");
  const proof = header.trim();
  const parts = proof.split(".");
  if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]+$/.test(part))) reject("dpop_malformed");
  let protectedHeader: Record<string, unknown>;
  try {
    protectedHeader = JSON.parse(new TextDecoder().decode(base64url.decode(parts[0])));
  } catch {
    return reject("dpop_malformed");
  }
  if (protectedHeader === null || typeof protectedHeader !== "object") reject("dpop_malformed");
  if (protectedHeader.typ !== "dpop+jwt") reject("dpop_wrong_type");
  const alg = protectedHeader.alg;
  if (!DPOP_ALGORITHMS.includes(alg as (typeof DPOP_ALGORITHMS)[number])) reject("dpop_alg_not_allowed");
  if (["jku", "x5u", "x5c", "crit"].some((name) => name in protectedHeader)) reject("dpop_bad_key");
  const jwk = publicKeyOf(protectedHeader.jwk, alg as string) ?? reject("dpop_bad_key");

  const window = expected.iatWindowSeconds ?? DPOP_IAT_WINDOW_SECONDS;
  let payload: Record<string, unknown>;
  try {
    const key = await importJWK(jwk, alg as string);
    ({ payload } = await jwtVerify(proof, key, {
      typ: "dpop+jwt",
      algorithms: [alg as string],
      requiredClaims: ["jti", "htm", "htu", "iat"],
      // Times are checked below, against our own window.
      currentDate: new Date(expected.now * 1000),
      clockTolerance: window,
    }));
  } catch (error) {
    // Say what is wrong: a proof without iat is not a bad signature.
    if (error instanceof errors.JWTClaimValidationFailed && error.reason === "missing") reject("dpop_missing_claim");
    if (error instanceof errors.JWTClaimValidationFailed || error instanceof errors.JWTExpired) reject("dpop_stale");
    return reject("dpop_bad_signature");
  }

  if (typeof payload.jti !== "string" || payload.jti === "" || payload.jti.length > 256) reject("dpop_malformed");
  if (payload.htm !== expected.method) reject("dpop_method_mismatch");
  const htu = typeof payload.htu === "string" ? normalizeHtu(payload.htu) : undefined;
  if (htu === undefined || htu !== normalizeHtu(expected.url)) reject("dpop_url_mismatch");
  if (typeof payload.iat !== "number" || Math.abs(expected.now - payload.iat) > window) reject("dpop_stale");
  if (expected.accessToken !== undefined && payload.ath !== (await accessTokenHash(expected.accessToken)))
    reject("dpop_ath_mismatch");
  const jkt = await calculateJwkThumbprint(jwk, "sha256");
  if (expected.jkt !== undefined && jkt !== expected.jkt) reject("dpop_key_mismatch");
  const until = ((payload.iat as number) + 2 * window) * 1000;
  if (!(await expected.claimJti(jkt, payload.jti as string, until))) reject("dpop_replayed");
  return { jkt, jti: payload.jti as string };
}

/** The embedded key, if it is a public EC P-256 or Ed25519 key for `alg`; nothing else passes. */
function publicKeyOf(value: unknown, alg: string): JWK | undefined {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
  const jwk = value as Record<string, unknown>;
  if (PRIVATE_MEMBERS.some((member) => member in jwk)) return undefined;
  const fits =
    (alg === "ES256" && jwk.kty === "EC" && jwk.crv === "P-256") ||
    ((alg === "EdDSA" || alg === "Ed25519") && jwk.kty === "OKP" && jwk.crv === "Ed25519");
  if (!fits) return undefined;
  const members = PUBLIC_MEMBERS[jwk.kty as string];
  if (!members.every((member) => typeof jwk[member] === "string")) return undefined;
  return Object.fromEntries(members.map((member) => [member, jwk[member]])) as JWK;
}

/** `ath`: base64url(SHA-256(access token)). */
export async function accessTokenHash(accessToken: string): Promise<string> {
  return base64url.encode(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(accessToken))));
}

/**
 * RFC 9449 §4.3: compare without query and fragment, after RFC 3986 syntax-based normalisation
 * (scheme and host case, default port, percent-encoding of unreserved characters). A trailing
 * slash, another scheme, host, port or path still differs.
 */
export function normalizeHtu(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  // A proof names the endpoint, never credentials for it.
  if (url.username || url.password) return undefined;
  const path = url.pathname.replace(/%[0-9a-fA-F]{2}/g, (encoded) => {
    const char = String.fromCharCode(Number.parseInt(encoded.slice(1), 16));
    return /[A-Za-z0-9\-._~]/.test(char) ? char : encoded.toUpperCase();
  });
  return `${url.protocol}//${url.host}${path}`;
}
