/**
 * Recognising a token this service minted (for revocation, introspection and narrowing): signed
 * by one of its configured keys with that key's algorithm, `typ: at+jwt`, its own issuer, not
 * expired, with a consistent lineage (docs/narrowing.md). Revocation and introspection answer anything
 * else as simply "not ours", without saying why; narrowing says whether it had expired.
 */
import { errors, jwtVerify } from "jose";
import { SIGNING_ALGORITHMS } from "../protocol/signing-keys";
import { readLineage, type TokenLineage } from "../protocol/token-lineage";
import type { ServiceConfig } from "./config";

export const MAX_OWN_TOKEN_BYTES = 8 * 1024;
const ALGORITHMS = [...SIGNING_ALGORITHMS];

class NotOurKey extends Error {}

export interface OwnToken {
  readonly claims: Readonly<Record<string, unknown>> & { readonly jti: string; readonly exp: number };
  readonly lineage: TokenLineage;
}

export type OwnTokenResult =
  | { readonly ok: true; readonly token: OwnToken }
  | { readonly ok: false; readonly reason: "parent_token_invalid" | "parent_token_expired" };

/** The verified claims, or why the token is not a live token of this service. */
export async function readOwnToken(token: string, config: ServiceConfig, now: number): Promise<OwnTokenResult> {
  const invalid = { ok: false, reason: "parent_token_invalid" } as const;
  if (token.length > MAX_OWN_TOKEN_BYTES) return invalid;
  try {
    // The key by the header's kid, and only with that key's own algorithm (jose decodes once).
    const { payload } = await jwtVerify(
      token,
      (header) => {
        const key = config.keys.all.find((candidate) => candidate.kid === header.kid);
        if (!key || header.alg !== key.alg) throw new NotOurKey();
        return key.publicKey;
      },
      {
        issuer: config.issuer,
        algorithms: ALGORITHMS,
        typ: "at+jwt",
        requiredClaims: ["jti", "exp", "iat"],
        currentDate: new Date(now * 1000),
      },
    );
    const lineage = readLineage(payload);
    if (typeof payload.jti !== "string" || typeof payload.exp !== "number" || !lineage) return invalid;
    return { ok: true, token: { claims: payload as OwnToken["claims"], lineage } };
  } catch (error) {
    return error instanceof errors.JWTExpired ? { ok: false, reason: "parent_token_expired" } : invalid;
  }
}

/** The token, or `undefined` when it is not a live token of this service. */
export async function verifyOwnToken(token: string, config: ServiceConfig, now: number): Promise<OwnToken | undefined> {
  const result = await readOwnToken(token, config, now);
  return result.ok ? result.token : undefined;
}
