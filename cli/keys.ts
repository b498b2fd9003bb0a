/**
 * `downscope keys generate` and `keys rotate`: private signing JWKs for DOWNSCOPE_SIGNING_KEYS,
 * imported by the same code the service uses, so a key that prints here is a key it accepts.
 */
import { exportJWK, generateKeyPair } from "jose";
import {
  importSigningKeys,
  SIGNING_ALGORITHMS,
  type SigningAlgorithm,
  SigningKeyError,
} from "../protocol/signing-keys";
import { CliError, type CliIo, readInput } from "./io";

export const ROTATION_ADVICE = `Rotation, in order:
  1. Store this array as DOWNSCOPE_SIGNING_KEYS and deploy: the new key signs from now on, and the
     old one stays published so tokens it signed keep verifying.
     Verifiers that refetch the JWKS on an unknown kid (downscope's verifier, jose's
     createRemoteJWKSet) accept new tokens at once. Ones that only refresh on a timer may take
     their cache time (the service sends max-age=300): for those, first deploy with the new key
     second in the array, wait 5 minutes, then put it first.
  2. After 1 hour (the longest a token can live), remove the old key and deploy again.`;

/** A new private JWK with its thumbprint as `kid`, checked by the service's own importer. */
export async function newSigningKey(alg: SigningAlgorithm): Promise<Record<string, unknown>> {
  const { privateKey } = await generateKeyPair(alg, {
    extractable: true,
    ...(alg === "RS256" ? { modulusLength: 3072 } : {}),
  });
  const jwk: Record<string, unknown> = { ...(await exportJWK(privateKey)), alg };
  const imported = await importSigningKeys(JSON.stringify(jwk));
  return { ...jwk, kid: imported.active.kid };
}

function parseAlg(value: string | undefined): SigningAlgorithm {
  const alg = (value ?? "ES256") as SigningAlgorithm;
  if (!SIGNING_ALGORITHMS.includes(alg))
    throw new CliError(`--alg must be one of ${SIGNING_ALGORITHMS.join(", ")}, not "${value}"`);
  return alg;
}

export async function keysGenerate(io: CliIo, options: { alg?: string; json?: boolean }): Promise<number> {
  const key = await newSigningKey(parseAlg(options.alg));
  const keys = await importSigningKeys(JSON.stringify([key]));
  if (options.json) {
    io.out(JSON.stringify({ kid: key.kid, signing_keys: [key], public_jwks: keys.jwks }, null, 2));
    return 0;
  }
  io.out(JSON.stringify([key]));
  io.err(`kid: ${key.kid}
The line above is a secret: the private key array for DOWNSCOPE_SIGNING_KEYS. Store it with
  downscope keys generate | npx wrangler secret put DOWNSCOPE_SIGNING_KEYS
and never commit it. Its public JWKS (what the service will publish):
${JSON.stringify(keys.jwks)}`);
  return 0;
}

export async function keysRotate(
  io: CliIo,
  options: { current: string; alg?: string; json?: boolean },
): Promise<number> {
  const text = readInput(io, options.current, "the current keys");
  let current: Record<string, unknown>[];
  try {
    await importSigningKeys(text);
    const parsed = JSON.parse(text) as Record<string, unknown> | Record<string, unknown>[];
    current = Array.isArray(parsed) ? parsed : [parsed];
  } catch (error) {
    if (error instanceof SigningKeyError) throw new CliError(`the current keys are not valid: ${error.message}`, 1);
    throw error;
  }
  const key = await newSigningKey(parseAlg(options.alg));
  // The new key signs; the one that signed until now stays for verification. Older ones go.
  const next = [key, current[0]];
  const keys = await importSigningKeys(JSON.stringify(next));
  const dropped = current.length - 1;
  if (options.json) {
    io.out(JSON.stringify({ kid: key.kid, signing_keys: next, public_jwks: keys.jwks, dropped }, null, 2));
    return 0;
  }
  io.out(JSON.stringify(next));
  io.err(`new kid: ${key.kid} (signs); kept: ${keys.all[1].kid} (verifies)${dropped > 0 ? `; dropped ${dropped} older key${dropped === 1 ? "" : "s"}` : ""}
${ROTATION_ADVICE}`);
  return 0;
}
