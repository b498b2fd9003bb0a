/**
 * Making DPoP proofs (RFC 9449 §4.2) with an ES256 key the job holds: the action's proof for the
 * token endpoint, and later steps' proofs for the APIs they call (`downscope dpop proof`).
 */
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from "jose";
import { accessTokenHash } from "./dpop-proof";

export interface DpopKey {
  /** The private JWK, with `alg`: a secret, to be masked and kept from logs. */
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
  /** RFC 7638 thumbprint of the public key: the token's `cnf.jkt`. */
  readonly jkt: string;
}

export async function generateDpopKey(): Promise<DpopKey> {
  const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  return {
    privateJwk: { ...(await exportJWK(privateKey)), alg: "ES256" },
    publicJwk,
    jkt: await calculateJwkThumbprint(publicJwk, "sha256"),
  };
}

/** Rebuilds a key from its private JWK (as the action exports it). */
export async function dpopKeyFromJwk(privateJwk: JWK): Promise<DpopKey> {
  if (privateJwk.kty !== "EC" || privateJwk.crv !== "P-256" || typeof privateJwk.d !== "string") {
    throw new TypeError("a DPoP key must be a private EC P-256 JWK");
  }
  const publicJwk: JWK = { kty: "EC", crv: "P-256", x: privateJwk.x, y: privateJwk.y };
  return {
    privateJwk: { ...privateJwk, alg: "ES256" },
    publicJwk,
    jkt: await calculateJwkThumbprint(publicJwk, "sha256"),
  };
}

export interface ProofRequest {
  readonly method: string;
  readonly url: string;
  /** The access token the proof goes with, for `ath`; omit at the token endpoint. */
  readonly accessToken?: string;
  /** Seconds since the epoch. */
  readonly now?: number;
}

/** A fresh proof: new `jti`, `iat` now, `htu` without query or fragment. */
export async function createDpopProof(key: DpopKey, request: ProofRequest): Promise<string> {
  const htu = new URL(request.url);
  htu.search = "";
  htu.hash = "";
  const claims: Record<string, unknown> = {
    jti: crypto.randomUUID(),
    htm: request.method,
    htu: htu.href,
    iat: request.now ?? Math.floor(Date.now() / 1000),
  };
  if (request.accessToken !== undefined) claims.ath = await accessTokenHash(request.accessToken);
  const signingKey = await importJWK(key.privateJwk, "ES256");
  return new SignJWT(claims).setProtectedHeader({ typ: "dpop+jwt", alg: "ES256", jwk: key.publicJwk }).sign(signingKey);
}
