/**
 * Verifying a downscope access token in a downstream service: signature against the service's
 * published keys (cached, refetched on rotation), issuer, your audience, `typ: at+jwt`, times,
 * the environment and scopes you require; for a sender-constrained token, its DPoP proof; and,
 * if you ask, whether it, or a token it was narrowed from, was revoked (through `/introspect`,
 * briefly cached). A narrowed token says where it comes from (`depth`, `parentJti`).
 *
 * @example
 * const verifier = createAccessTokenVerifier({
 *   issuer: "https://downscope.acme.dev",
 *   audience: "https://deploy.acme.dev/staging",
 *   environment: "staging",
 *   scopes: ["deploy:write"],
 * });
 * const { claims } = await verifier.verify(token, { scheme: "DPoP", method: "POST", url, dpop });
 */
import { createRemoteJWKSet, customFetch, errors, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from "jose";
import { type DpopProblem, DpopProofRejected, verifyDpopProof } from "../protocol/dpop-proof";
import { MAX_NARROWING_DEPTH, readLineage } from "../protocol/token-lineage";

export type VerifyErrorCode =
  | "ERR_TOKEN_MISSING"
  | "ERR_TOKEN_MALFORMED"
  | "ERR_TOKEN_SIGNATURE"
  | "ERR_TOKEN_EXPIRED"
  | "ERR_TOKEN_NOT_YET_VALID"
  | "ERR_TOKEN_ISSUER"
  | "ERR_TOKEN_AUDIENCE"
  | "ERR_TOKEN_TYPE"
  | "ERR_TOKEN_ENVIRONMENT"
  | "ERR_INSUFFICIENT_SCOPE"
  | "ERR_TOKEN_TOO_DEEP"
  | "ERR_TOKEN_REVOKED"
  | "ERR_DPOP_REQUIRED"
  | "ERR_DPOP_NOT_BOUND"
  | "ERR_DPOP_INVALID"
  | "ERR_KEYS_UNAVAILABLE"
  | "ERR_INTROSPECTION_UNAVAILABLE";

/** A refusal with a stable `code` to branch on; `dpopProblem` says which DPoP check failed. */
export class AccessTokenError extends Error {
  override name = "AccessTokenError";
  constructor(
    readonly code: VerifyErrorCode,
    message: string,
    readonly dpopProblem?: DpopProblem,
  ) {
    super(message);
  }
}

/**
 * Where a verifier remembers DPoP proofs it has seen, so that none is accepted twice. The default
 * is in memory, per verifier: a proof replayed to another replica within its window is not
 * caught. Back it with a shared store (Redis SET NX PX, a Durable Object, a database row with a
 * unique key) to close that across replicas.
 */
export interface DpopReplayStore {
  /**
   * Records `key` until `untilMs` (milliseconds since the epoch); resolves false when the key was
   * recorded before and has not expired. Throw to refuse when the store cannot answer.
   */
  claim(key: string, untilMs: number): Promise<boolean> | boolean;
}

export interface VerifierOptions {
  /** The downscope service's issuer URL (DOWNSCOPE_ISSUER). */
  readonly issuer: string;
  /** Your service's audience: the `audience` of the environment in downscope's policy. */
  readonly audience: string;
  /** When set, the token must be for this environment (compared case-insensitively). */
  readonly environment?: string;
  /** Scopes every request needs; `verify` can ask for more. */
  readonly scopes?: readonly string[];
  /**
   * The most times a token may have been narrowed for a sub-task (docs/narrowing.md): 0 accepts only a
   * job's own tokens. Default: any depth the service mints (up to 3).
   */
  readonly maxDepth?: number;
  /**
   * Seconds of clock skew allowed on the token's `exp`, `nbf` and `iat` (default 30), and, when
   * set, how far a DPoP proof's `iat` may be from now (default 60).
   */
  readonly clockToleranceSeconds?: number;
  /** Where DPoP proofs are remembered; default in memory, per verifier (see DpopReplayStore). */
  readonly replayStore?: DpopReplayStore;
  /** Ask the service whether each token was revoked, caching answers this long (ms); default off. */
  readonly introspection?: { readonly cacheMs?: number } | boolean;
  /** Keys, when you do not want them fetched from `<issuer>/.well-known/jwks.json`. */
  readonly keys?: JWTVerifyGetKey;
  /** The least time between two JWKS fetches (an unknown kid triggers one); default 30 s. */
  readonly jwksCooldownMs?: number;
  readonly fetch?: typeof fetch;
  /** Milliseconds since the epoch. */
  readonly now?: () => number;
}

export interface RequestContext {
  /** The Authorization scheme the token came with: `Bearer` or `DPoP`. */
  readonly scheme?: string;
  readonly method?: string;
  /** The URL the client called, as it sees it (your public URL, not an internal one). */
  readonly url?: string;
  /** The raw `DPoP` header, or null. */
  readonly dpop?: string | null;
  /** Scopes this request needs, besides the verifier's own. */
  readonly scopes?: readonly string[];
}

export interface VerifiedAccessToken {
  readonly claims: JWTPayload & Record<string, unknown>;
  readonly environment: string;
  readonly scopes: readonly string[];
  readonly repository: string;
  readonly tokenType: "Bearer" | "DPoP";
  /** The bound key's thumbprint, for a DPoP token. */
  readonly jkt?: string;
  /** How many times the token was narrowed from a job's own token (0: it is one). */
  readonly depth: number;
  /** The token it was narrowed from, if it was. */
  readonly parentJti?: string;
  /** Every token above it, the job's own first; with introspection, revoking any of them revokes this one. */
  readonly ancestorJtis: readonly string[];
}

export interface AccessTokenVerifier {
  verify(token: string | null | undefined, request?: RequestContext): Promise<VerifiedAccessToken>;
}

const MAX_REPLAY_ENTRIES = 100_000;
const MAX_INTROSPECTION_ENTRIES = 10_000;

export function createAccessTokenVerifier(options: VerifierOptions): AccessTokenVerifier {
  checkVerifierOptions(options);
  const issuer = options.issuer.replace(/\/+$/, "");
  const fetcher = options.fetch ?? ((input, init) => fetch(input, init));
  const now = options.now ?? Date.now;
  const tolerance = options.clockToleranceSeconds ?? 30;
  const keys = options.keys ?? remoteKeys(issuer, fetcher, options.jwksCooldownMs ?? 30_000);
  const replayStore = options.replayStore ?? memoryReplayStore(now);
  const dpopWindow = options.clockToleranceSeconds;
  const introspected = new Map<string, { active: boolean; until: number }>();
  const introspectionMs =
    options.introspection === true
      ? 30_000
      : options.introspection
        ? (options.introspection.cacheMs ?? 30_000)
        : undefined;

  const claimJti = async (jkt: string, jti: string, until: number) => replayStore.claim(`${jkt}:${jti}`, until);

  const isActive = async (token: string, jti: string, exp: number): Promise<boolean> => {
    const at = now();
    const cached = introspected.get(jti);
    if (cached && cached.until > at) return cached.active;
    let active: boolean;
    try {
      const response = await fetcher(`${issuer}/introspect`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ token }),
        signal: AbortSignal.timeout(5_000),
        // Never re-send the token to another host, nor trust another host's `{"active": true}`.
        redirect: "manual",
      });
      // (A browser's fetch hides a manual redirect as status 0, refused below as any non-200.)
      if (response.status >= 300 && response.status < 400) {
        throw new Error(`the service answered with a redirect (HTTP ${response.status}), which is never followed`);
      }
      if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
      active = ((await response.json()) as { active?: unknown }).active === true;
    } catch (error) {
      throw new AccessTokenError(
        "ERR_INTROSPECTION_UNAVAILABLE",
        `introspection failed: ${error instanceof Error ? error.message : "unknown"}`,
      );
    }
    if (introspected.size >= MAX_INTROSPECTION_ENTRIES) prune(introspected, at, (entry) => entry.until);
    introspected.set(jti, { active, until: Math.min(at + (introspectionMs ?? 0), exp * 1000) });
    return active;
  };

  return {
    async verify(token, request = {}) {
      if (!token) throw new AccessTokenError("ERR_TOKEN_MISSING", "no access token");
      let claims: JWTPayload & Record<string, unknown>;
      try {
        ({ payload: claims } = await jwtVerify(token, keys, {
          issuer,
          audience: options.audience,
          typ: "at+jwt",
          algorithms: ["ES256", "EdDSA", "RS256"],
          clockTolerance: tolerance,
          requiredClaims: ["aud", "exp", "iat", "jti", "scope", "environment", "repository"],
          currentDate: new Date(now()),
        }));
      } catch (error) {
        throw fromJoseError(error);
      }
      if (
        typeof claims.environment !== "string" ||
        typeof claims.scope !== "string" ||
        typeof claims.jti !== "string"
      ) {
        throw new AccessTokenError("ERR_TOKEN_MALFORMED", "claims of the wrong type");
      }
      if (options.environment !== undefined && claims.environment.toLowerCase() !== options.environment.toLowerCase()) {
        throw new AccessTokenError("ERR_TOKEN_ENVIRONMENT", `token is for environment "${claims.environment}"`);
      }
      const lineage = readLineage(claims);
      if (!lineage) throw new AccessTokenError("ERR_TOKEN_MALFORMED", "parent_jti and ancestor_jtis do not agree");
      if (lineage.depth > (options.maxDepth ?? MAX_NARROWING_DEPTH)) {
        throw new AccessTokenError("ERR_TOKEN_TOO_DEEP", `the token was narrowed ${lineage.depth} times`);
      }
      const scopes = claims.scope === "" ? [] : claims.scope.split(" ");
      const missing = [...(options.scopes ?? []), ...(request.scopes ?? [])].filter((scope) => !scopes.includes(scope));
      if (missing.length > 0)
        throw new AccessTokenError("ERR_INSUFFICIENT_SCOPE", `missing scope: ${missing.join(" ")}`);

      const cnf = claims.cnf as { jkt?: unknown } | undefined;
      const jkt = typeof cnf?.jkt === "string" ? cnf.jkt : undefined;
      const scheme = request.scheme?.toLowerCase();
      if (jkt !== undefined) {
        // RFC 9449 §7.1: a bound token comes with the DPoP scheme and a proof, or not at all.
        if (scheme !== "dpop" || !request.dpop)
          throw new AccessTokenError("ERR_DPOP_REQUIRED", "this token is DPoP-bound: send it with a DPoP proof");
        if (!request.method || !request.url)
          throw new TypeError("verify: method and url are needed to check a DPoP proof");
        try {
          await verifyDpopProof(request.dpop, {
            method: request.method,
            url: request.url,
            now: Math.floor(now() / 1000),
            accessToken: token,
            jkt,
            claimJti,
            ...(dpopWindow !== undefined ? { iatWindowSeconds: dpopWindow } : {}),
          });
        } catch (error) {
          if (error instanceof DpopProofRejected)
            throw new AccessTokenError("ERR_DPOP_INVALID", `DPoP proof refused: ${error.problem}`, error.problem);
          throw error;
        }
      } else if (scheme === "dpop") {
        throw new AccessTokenError("ERR_DPOP_NOT_BOUND", "a Bearer token was sent with the DPoP scheme");
      }

      if (introspectionMs !== undefined && !(await isActive(token, claims.jti, claims.exp as number))) {
        throw new AccessTokenError("ERR_TOKEN_REVOKED", "the token was revoked");
      }
      return {
        claims,
        environment: claims.environment,
        scopes,
        repository: claims.repository as string,
        tokenType: jkt === undefined ? "Bearer" : "DPoP",
        ...(jkt !== undefined ? { jkt } : {}),
        depth: lineage.depth,
        ...(lineage.parentJti !== undefined ? { parentJti: lineage.parentJti } : {}),
        ancestorJtis: lineage.ancestorJtis,
      };
    },
  };
}

class KeysUnavailable extends Error {}

/** The service's JWKS, cached and refetched on an unknown kid (jose); any failure to get it is KeysUnavailable. */
function remoteKeys(issuer: string, fetcher: typeof fetch, cooldownMs: number): JWTVerifyGetKey {
  const remote = createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`), {
    [customFetch]: (url: string, init: RequestInit) => fetcher(url, init),
    cooldownDuration: cooldownMs,
    cacheMaxAge: 300_000,
  } as never);
  return async (header, token) => {
    try {
      return await remote(header, token);
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) throw error;
      throw new KeysUnavailable(error instanceof Error ? error.message : "unknown");
    }
  };
}

const verifiers = new WeakMap<VerifierOptions, AccessTokenVerifier>();

/** One-call form: the verifier (and its caches) is kept per options object, so reuse the object. */
export function verifyAccessToken(
  token: string | null | undefined,
  options: VerifierOptions & { request?: RequestContext },
) {
  let verifier = verifiers.get(options);
  if (!verifier) {
    verifier = createAccessTokenVerifier(options);
    verifiers.set(options, verifier);
  }
  return verifier.verify(token, options.request);
}

function fromJoseError(error: unknown): AccessTokenError {
  if (error instanceof errors.JWTExpired) return new AccessTokenError("ERR_TOKEN_EXPIRED", "the token has expired");
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "iss") return new AccessTokenError("ERR_TOKEN_ISSUER", "the token is from another issuer");
    if (error.claim === "aud") return new AccessTokenError("ERR_TOKEN_AUDIENCE", "the token is for another audience");
    if (error.claim === "nbf" || error.claim === "iat")
      return new AccessTokenError("ERR_TOKEN_NOT_YET_VALID", "the token is not valid yet");
    if (error.claim === "typ") return new AccessTokenError("ERR_TOKEN_TYPE", "not an access token (typ at+jwt)");
    return new AccessTokenError("ERR_TOKEN_MALFORMED", `claim check failed: ${error.claim}`);
  }
  if (error instanceof KeysUnavailable) {
    return new AccessTokenError("ERR_KEYS_UNAVAILABLE", "the issuer's keys could not be fetched");
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return new AccessTokenError("ERR_TOKEN_SIGNATURE", "the signature does not verify with the issuer's keys");
  }
  if (error instanceof errors.JOSEAlgNotAllowed)
    return new AccessTokenError("ERR_TOKEN_SIGNATURE", "algorithm not allowed");
  if (error instanceof errors.JOSEError) return new AccessTokenError("ERR_TOKEN_MALFORMED", "not a valid JWT");
  if (error instanceof TypeError || error instanceof SyntaxError)
    return new AccessTokenError("ERR_TOKEN_MALFORMED", "not a valid JWT");
  return new AccessTokenError("ERR_KEYS_UNAVAILABLE", "the issuer's keys could not be fetched");
}

function prune<T>(map: Map<string, T>, now: number, until: (value: T) => number): void {
  for (const [key, value] of map) if (until(value) <= now) map.delete(key);
  // A cache (introspection answers) still full of live entries: drop the oldest inserted.
  for (const key of map.keys()) {
    if (map.size < MAX_INTROSPECTION_ENTRIES / 2) break;
    map.delete(key);
  }
}

/**
 * The default replay store: in memory, bounded. Full of proofs still within their window, it
 * refuses new ones (fail closed) rather than forget a live one, which would let it be replayed.
 */
export function memoryReplayStore(now: () => number = Date.now, capacity = MAX_REPLAY_ENTRIES): DpopReplayStore {
  const seen = new Map<string, number>();
  return {
    claim(key, untilMs) {
      const at = now();
      if ((seen.get(key) ?? 0) > at) return false;
      if (seen.size >= capacity) {
        for (const [old, until] of seen) if (until <= at) seen.delete(old);
        if (seen.size >= capacity) throw new DpopProofRejected("dpop_replay_store_full");
      }
      seen.set(key, untilMs);
      return true;
    },
  };
}

/** Options are checked when the verifier is made, naming the bad one: a missing audience would make jose skip the check. */
function checkVerifierOptions(options: VerifierOptions): void {
  const fail = (name: string, what: string): never => {
    throw new TypeError(`createAccessTokenVerifier: options.${name} ${what}`);
  };
  if (options === null || typeof options !== "object") fail("", "must be an object");
  const text = (name: "issuer" | "audience" | "environment", required: boolean) => {
    const value = options[name];
    if (value === undefined && !required) return;
    if (typeof value !== "string" || value.trim() === "") {
      fail(
        name,
        `must be a non-empty string${required ? " (it is required)" : ""}, got ${value === "" ? "an empty string" : typeof value}`,
      );
    }
  };
  text("issuer", true);
  try {
    new URL(options.issuer);
  } catch {
    fail("issuer", "must be the downscope service's URL (DOWNSCOPE_ISSUER)");
  }
  text("audience", true);
  text("environment", false);
  if (
    options.scopes !== undefined &&
    (!Array.isArray(options.scopes) || options.scopes.some((s) => typeof s !== "string" || s === ""))
  ) {
    fail("scopes", "must be a list of scope strings");
  }
  const depth = options.maxDepth;
  if (depth !== undefined && (!Number.isInteger(depth) || depth < 0 || depth > MAX_NARROWING_DEPTH)) {
    fail("maxDepth", `must be a whole number from 0 to ${MAX_NARROWING_DEPTH}`);
  }
  const tolerance = options.clockToleranceSeconds;
  if (tolerance !== undefined && (!Number.isFinite(tolerance) || tolerance < 0 || tolerance > 300)) {
    fail("clockToleranceSeconds", "must be a number of seconds from 0 to 300");
  }
  if (options.replayStore !== undefined && typeof options.replayStore?.claim !== "function") {
    fail("replayStore", "must have a claim(key, untilMs) method");
  }
}
