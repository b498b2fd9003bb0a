/** Signing the tokens this service builds itself: one compact JWS, any configured algorithm. */
import { base64url } from "jose";
import type { SigningAlgorithm, SigningKey } from "../../protocol/signing-keys";

/** WebCrypto's parameters for each signing algorithm; each yields the JWS signature format as is. */
const SIGN_PARAMS: Record<SigningAlgorithm, Parameters<SubtleCrypto["sign"]>[0]> = {
  ES256: { name: "ECDSA", hash: "SHA-256" },
  EdDSA: { name: "Ed25519" },
  RS256: { name: "RSASSA-PKCS1-v1_5" },
};

/**
 * A compact JWS over claims this module built itself. Signed directly with WebCrypto: jose's
 * SignJWT deep-copies (structuredClone) and re-validates the claims, a visible share of each
 * exchange in workerd's profile, for input that is never untrusted. Tests verify every
 * algorithm's output with jose against the published JWKS.
 */
export async function signCompactJws(
  header: Readonly<Record<string, string>>,
  claims: Readonly<Record<string, unknown>>,
  key: SigningKey,
): Promise<string> {
  const input = `${base64url.encode(JSON.stringify(header))}.${base64url.encode(JSON.stringify(claims))}`;
  const signature = await crypto.subtle.sign(SIGN_PARAMS[key.alg], key.privateKey, new TextEncoder().encode(input));
  return `${input}.${base64url.encode(new Uint8Array(signature))}`;
}
