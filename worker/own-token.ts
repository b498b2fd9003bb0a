/**
 * Recognising a token this service minted (for revocation and introspection): signed by one of
 * its configured keys with that key's algorithm, `typ: at+jwt`, its own issuer, not expired.
 * Anything else is simply "not ours": these endpoints answer it without saying why.
 */
import { jwtVerify } from "jose";
import { decodeCompactJwt } from "../protocol/compact-jwt";
import type { ServiceConfig } from "./config";

export const MAX_OWN_TOKEN_BYTES = 8 * 1024;

export interface OwnToken {
  readonly claims: Readonly<Record<string, unknown>> & { readonly jti: string; readonly exp: number };
}

/** The verified claims, or `undefined` when the token is not a live token of this service. */
export async function verifyOwnToken(token: string, config: ServiceConfig, now: number): Promise<OwnToken | undefined> {
  if (token.length > MAX_OWN_TOKEN_BYTES) return undefined;
  const header = decodeCompactJwt(token)?.header;
  const key = config.keys.all.find((candidate) => candidate.kid === header?.kid);
  if (!key || header?.alg !== key.alg) return undefined;
  try {
    const { payload } = await jwtVerify(token, key.publicKey, {
      issuer: config.issuer,
      algorithms: [key.alg],
      typ: "at+jwt",
      requiredClaims: ["jti", "exp", "iat"],
      currentDate: new Date(now * 1000),
    });
    if (typeof payload.jti !== "string" || typeof payload.exp !== "number") return undefined;
    return { claims: payload as OwnToken["claims"] };
  } catch {
    return undefined;
  }
}
