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
import { type JWTPayload, type JWTVerifyGetKey } from "jose";
import { type DpopProblem } from "../protocol/dpop-proof";
export type VerifyErrorCode = "ERR_TOKEN_MISSING" | "ERR_TOKEN_MALFORMED" | "ERR_TOKEN_SIGNATURE" | "ERR_TOKEN_EXPIRED" | "ERR_TOKEN_NOT_YET_VALID" | "ERR_TOKEN_ISSUER" | "ERR_TOKEN_AUDIENCE" | "ERR_TOKEN_TYPE" | "ERR_TOKEN_ENVIRONMENT" | "ERR_INSUFFICIENT_SCOPE" | "ERR_TOKEN_TOO_DEEP" | "ERR_TOKEN_REVOKED" | "ERR_DPOP_REQUIRED" | "ERR_DPOP_NOT_BOUND" | "ERR_DPOP_INVALID" | "ERR_KEYS_UNAVAILABLE" | "ERR_INTROSPECTION_UNAVAILABLE";
/** A refusal with a stable `code` to branch on; `dpopProblem` says which DPoP check failed. */
export declare class AccessTokenError extends Error {
    readonly code: VerifyErrorCode;
    readonly dpopProblem?: DpopProblem | undefined;
    name: string;
    constructor(code: VerifyErrorCode, message: string, dpopProblem?: DpopProblem | undefined);
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
    readonly introspection?: {
        readonly cacheMs?: number;
    } | boolean;
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
export declare function createAccessTokenVerifier(options: VerifierOptions): AccessTokenVerifier;
/** One-call form: the verifier (and its caches) is kept per options object, so reuse the object. */
export declare function verifyAccessToken(token: string | null | undefined, options: VerifierOptions & {
    request?: RequestContext;
}): Promise<VerifiedAccessToken>;
/**
 * The default replay store: in memory, bounded. Full of proofs still within their window, it
 * refuses new ones (fail closed) rather than forget a live one, which would let it be replayed.
 */
export declare function memoryReplayStore(now?: () => number, capacity?: number): DpopReplayStore;
