/** `Ed25519` is RFC 9864's fully-specified name for EdDSA over Ed25519, which current clients send. */
export declare const DPOP_ALGORITHMS: readonly ["ES256", "EdDSA", "Ed25519"];
export declare const MAX_DPOP_PROOF_BYTES: number;
/** How far a proof's `iat` may be from now, either way. */
export declare const DPOP_IAT_WINDOW_SECONDS = 60;
export type DpopProblem = "dpop_multiple_proofs" | "dpop_malformed" | "dpop_wrong_type" | "dpop_alg_not_allowed" | "dpop_bad_key" | "dpop_bad_signature" | "dpop_missing_claim" | "dpop_method_mismatch" | "dpop_url_mismatch" | "dpop_stale" | "dpop_ath_mismatch" | "dpop_key_mismatch" | "dpop_replayed" | "dpop_replay_store_full";
export declare class DpopProofRejected extends Error {
    readonly problem: DpopProblem;
    constructor(problem: DpopProblem);
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
/** `header` is the raw `DPoP` header value (several headers arrive joined by commas). */
export declare function verifyDpopProof(header: string, expected: DpopExpectation): Promise<VerifiedDpopProof>;
/** `ath`: base64url(SHA-256(access token)). */
export declare function accessTokenHash(accessToken: string): Promise<string>;
/**
 * RFC 9449 §4.3: compare without query and fragment, after RFC 3986 syntax-based normalisation
 * (scheme and host case, default port, percent-encoding of unreserved characters). A trailing
 * slash, another scheme, host, port or path still differs.
 */
export declare function normalizeHtu(value: string): string | undefined;
