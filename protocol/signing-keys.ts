/**
 * The service's signing keys (`DOWNSCOPE_SIGNING_KEYS`): a private JWK or an array of them, of
 * one or several algorithms. The first signs access tokens, the first of each algorithm the
 * `oidc` environments that use it; all are published so tokens signed by a retiring key still
 * verify.
 * Private keys are imported non-extractable; only allow-listed public members are published.
 */
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from "jose";

export type SigningAlgorithm = "ES256" | "EdDSA" | "RS256";
export const SIGNING_ALGORITHMS: readonly SigningAlgorithm[] = ["ES256", "EdDSA", "RS256"];

export interface SigningKey {
  readonly kid: string;
  readonly alg: SigningAlgorithm;
  readonly privateKey: CryptoKey;
  /** For checking the service's own tokens (revocation, introspection). */
  readonly publicKey: CryptoKey;
  /** The public JWK as published: `kty`, curve or modulus, `kid`, `alg`, `use`. */
  readonly publicJwk: Readonly<JWK>;
}

export interface SigningKeySet {
  /** The key that signs new access tokens: the first of the list. */
  readonly active: SigningKey;
  readonly all: readonly SigningKey[];
  /** The first key of an algorithm: what signs an `oidc` environment's tokens. */
  first(alg: SigningAlgorithm): SigningKey | undefined;
  readonly jwks: { readonly keys: readonly Readonly<JWK>[] };
}

export class SigningKeyError extends Error {}

const MAX_KEYS = 10;
const PUBLIC_MEMBERS: Record<SigningAlgorithm, readonly string[]> = {
  ES256: ["kty", "crv", "x", "y"],
  EdDSA: ["kty", "crv", "x"],
  RS256: ["kty", "n", "e"],
};
const SHAPE: Record<SigningAlgorithm, { kty: string; crv?: string }> = {
  ES256: { kty: "EC", crv: "P-256" },
  EdDSA: { kty: "OKP", crv: "Ed25519" },
  RS256: { kty: "RSA" },
};

/** Parses and imports the configured keys; throws `SigningKeyError` saying what is wrong (never the key). */
export async function importSigningKeys(text: string): Promise<SigningKeySet> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new SigningKeyError("DOWNSCOPE_SIGNING_KEYS is not JSON: give a private JWK or an array of them");
  }
  const list = Array.isArray(parsed) ? parsed : [parsed];
  if (list.length === 0) throw new SigningKeyError("DOWNSCOPE_SIGNING_KEYS is an empty array");
  if (list.length > MAX_KEYS) throw new SigningKeyError(`DOWNSCOPE_SIGNING_KEYS holds more than ${MAX_KEYS} keys`);
  const keys: SigningKey[] = [];
  for (const [index, item] of list.entries()) {
    const key = await importSigningKey(item, index);
    if (keys.some((other) => other.kid === key.kid)) {
      throw new SigningKeyError(`DOWNSCOPE_SIGNING_KEYS[${index}]: kid "${key.kid}" is used twice`);
    }
    keys.push(key);
  }
  return keySet(keys);
}

/** Ephemeral keys for local development only (`DOWNSCOPE_DEV=1` without configured keys), the first active. */
export async function generateSigningKeys(algs: readonly SigningAlgorithm[] = ["ES256"]): Promise<SigningKeySet> {
  const keys: SigningKey[] = [];
  for (const [index, alg] of algs.entries()) {
    const { privateKey } = await generateKeyPair(alg, {
      extractable: true,
      ...(alg === "RS256" ? { modulusLength: 2048 } : {}),
    });
    keys.push(await importSigningKey({ ...(await exportJWK(privateKey)), alg }, index));
  }
  return keySet(keys);
}

async function importSigningKey(item: unknown, index: number): Promise<SigningKey> {
  const where = `DOWNSCOPE_SIGNING_KEYS[${index}]`;
  if (item === null || typeof item !== "object" || Array.isArray(item)) {
    throw new SigningKeyError(`${where} is not a JWK object`);
  }
  const jwk = item as Record<string, unknown>;
  const alg = (jwk.alg ?? "ES256") as SigningAlgorithm;
  if (!SIGNING_ALGORITHMS.includes(alg)) {
    throw new SigningKeyError(`${where}: alg must be one of ${SIGNING_ALGORITHMS.join(", ")}`);
  }
  const shape = SHAPE[alg];
  if (jwk.kty !== shape.kty || (shape.crv !== undefined && jwk.crv !== shape.crv)) {
    throw new SigningKeyError(
      `${where}: an ${alg} key must have kty ${shape.kty}${shape.crv ? ` and crv ${shape.crv}` : ""}`,
    );
  }
  if (typeof jwk.d !== "string") throw new SigningKeyError(`${where}: not a private key (no "d")`);
  if (jwk.kid !== undefined && (typeof jwk.kid !== "string" || jwk.kid === "")) {
    throw new SigningKeyError(`${where}: kid must be a non-empty string`);
  }
  if (alg === "RS256" && typeof jwk.n === "string" && jwk.n.length < 342) {
    throw new SigningKeyError(`${where}: RSA keys must be at least 2048 bits`);
  }

  const publicPart: Record<string, unknown> = {};
  for (const member of PUBLIC_MEMBERS[alg]) {
    if (typeof jwk[member] !== "string") throw new SigningKeyError(`${where}: missing "${member}"`);
    publicPart[member] = jwk[member];
  }
  const kid = (jwk.kid as string | undefined) ?? (await calculateJwkThumbprint(publicPart as JWK, "sha256"));
  let privateKey: CryptoKey;
  try {
    const { kid: _kid, alg: _alg, use: _use, key_ops: _ops, ext: _ext, ...material } = jwk;
    privateKey = (await importJWK(material as JWK, alg, { extractable: false })) as CryptoKey;
  } catch {
    throw new SigningKeyError(`${where}: the key material does not import as ${alg}`);
  }
  const publicKey = (await importJWK(publicPart as JWK, alg)) as CryptoKey;
  return { kid, alg, privateKey, publicKey, publicJwk: Object.freeze({ ...publicPart, kid, alg, use: "sig" }) };
}

function keySet(keys: SigningKey[]): SigningKeySet {
  return {
    active: keys[0],
    all: keys,
    first: (alg) => keys.find((key) => key.alg === alg),
    jwks: { keys: keys.map((key) => key.publicJwk) },
  };
}
