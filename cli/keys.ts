/**
 * `downscope keys generate` and `keys rotate`: private signing JWKs for DOWNSCOPE_SIGNING_KEYS,
 * imported by the same code the service uses, so a key that prints here is a key it accepts.
 * A set may hold several algorithms (ES256 for access tokens, RS256 for oidc environments):
 * rotation replaces one algorithm's signing key and keeps the others. A Workers secret holds at
 * most 5,120 bytes, so a set that would not fit is refused here, before `wrangler secret put`.
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

/** What Cloudflare stores in one secret. */
export const MAX_SECRET_BYTES = 5_120;

/**
 * A new private JWK with its thumbprint as `kid`, checked by the service's own importer. RSA
 * keys are 2048 bits (what AWS, Entra and Vault need): a rotating set of two RSA and two EC
 * keys then takes about 4 KB, where two 3072-bit RSA keys alone take 4.9.
 */
export async function newSigningKey(alg: SigningAlgorithm): Promise<Record<string, unknown>> {
  const { privateKey } = await generateKeyPair(alg, {
    extractable: true,
    ...(alg === "RS256" ? { modulusLength: 2048 } : {}),
  });
  const jwk: Record<string, unknown> = { ...(await exportJWK(privateKey)), alg };
  const imported = await importSigningKeys(JSON.stringify(jwk));
  return { ...jwk, kid: imported.active.kid };
}

/** `--alg ES256`, or a comma-separated list (`ES256,RS256`), each once. */
function parseAlgs(value: string | undefined): SigningAlgorithm[] {
  const algs = (value ?? "ES256").split(",").map((item) => item.trim()) as SigningAlgorithm[];
  for (const alg of algs) {
    if (!SIGNING_ALGORITHMS.includes(alg))
      throw new CliError(
        `--alg must be one of ${SIGNING_ALGORITHMS.join(", ")} (or a comma-separated list), not "${value}"`,
      );
  }
  if (new Set(algs).size !== algs.length) throw new CliError(`--alg names an algorithm twice: "${value}"`);
  return algs;
}

function parseAlg(value: string | undefined): SigningAlgorithm {
  const algs = parseAlgs(value);
  if (algs.length !== 1) throw new CliError("keys rotate --alg takes one algorithm: rotate them one at a time");
  return algs[0];
}

/** Refuses a set that one Workers secret cannot hold, saying what to do instead. */
function fitsOneSecret(keys: readonly Record<string, unknown>[]): void {
  const bytes = new TextEncoder().encode(JSON.stringify(keys)).byteLength;
  if (bytes <= MAX_SECRET_BYTES) return;
  throw new CliError(
    `the key set would take ${bytes.toLocaleString("en-US")} bytes, more than the ${MAX_SECRET_BYTES.toLocaleString("en-US")} a Workers secret holds (wrangler secret put would fail): keep at most two keys of each algorithm, and RSA keys at 2048 bits`,
    1,
  );
}

interface KeyOutput {
  /** A file to write the keys to (0600) instead of stdout; refused where git would track it. */
  readonly out?: string;
  readonly json?: boolean;
}

/** Refuses an --out that would put a private key where it can leak, before any key is made. */
function checkOut(io: CliIo, options: KeyOutput): void {
  if (options.out === undefined) return;
  if (options.json) throw new CliError("--json prints the private keys on stdout: with --out, leave it out");
  if (options.out === "" || options.out === "-") throw new CliError("--out takes a file name");
  if (io.gitWouldTrack(options.out)) {
    throw new CliError(
      `refusing to write private keys to "${options.out}": git would track it (it is not ignored). Write it outside the repository, or to a name .gitignore covers (signing-keys.json, next.json)`,
      1,
    );
  }
}

/**
 * The keys, to the --out file (0600) or stdout, and on stderr what to do with them. The warning
 * that a secret is on screen is printed only when it is: a pipe into `wrangler secret put` is
 * the way to use them.
 */
function emitKeys(io: CliIo, options: KeyOutput, keys: readonly Record<string, unknown>[], summary: string): void {
  const store = "npx wrangler secret put DOWNSCOPE_SIGNING_KEYS --env <name>";
  if (options.out !== undefined) {
    io.writeSecretFile(options.out, `${JSON.stringify(keys)}\n`);
    io.err(`${summary}
Wrote the private keys to ${options.out} (readable by you alone). Store them with
  ${store} < ${options.out}
keep the value in your secrets manager, and delete the file.`);
    return;
  }
  io.out(JSON.stringify(keys));
  io.err(
    io.stdoutIsTerminal
      ? `${summary}
The line above is a secret: the private keys for DOWNSCOPE_SIGNING_KEYS, now on your screen.
Next time write them to a file (--out signing-keys.json, mode 0600) or pipe them: | ${store}`
      : `${summary}
Store them with: ... | ${store}`,
  );
}

export async function keysGenerate(io: CliIo, options: KeyOutput & { alg?: string }): Promise<number> {
  const algs = parseAlgs(options.alg);
  checkOut(io, options);
  const generated: Record<string, unknown>[] = [];
  for (const alg of algs) generated.push(await newSigningKey(alg));
  fitsOneSecret(generated);
  const keys = await importSigningKeys(JSON.stringify(generated));
  const key = generated[0];
  if (options.json) {
    io.out(JSON.stringify({ kid: key.kid, signing_keys: generated, public_jwks: keys.jwks }, null, 2));
    return 0;
  }
  emitKeys(
    io,
    options,
    generated,
    `kid: ${generated.map((item) => `${item.kid} (${item.alg})`).join(", ")}
Their public JWKS (what the service will publish): ${JSON.stringify(keys.jwks)}`,
  );
  return 0;
}

export async function keysRotate(io: CliIo, options: KeyOutput & { current: string; alg?: string }): Promise<number> {
  checkOut(io, options);
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
  const alg = parseAlg(options.alg);
  const key = await newSigningKey(alg);
  // Per algorithm: the new key takes the place of that algorithm's signing key (the first of
  // its algorithm; the first of all signs access tokens), which stays right after it to
  // verify; older keys of that algorithm go; keys of other algorithms stay as they are.
  const ofAlg = (item: Record<string, unknown>) => (item.alg ?? "ES256") === alg;
  const signing = current.find(ofAlg);
  const at = signing === undefined ? current.length : current.indexOf(signing);
  const others = current.filter((item) => !ofAlg(item));
  const next = [...others.slice(0, at), key, ...(signing ? [signing] : []), ...others.slice(at)];
  fitsOneSecret(next);
  const keys = await importSigningKeys(JSON.stringify(next));
  const dropped = current.length - (next.length - 1);
  if (options.json) {
    io.out(JSON.stringify({ kid: key.kid, signing_keys: next, public_jwks: keys.jwks, dropped }, null, 2));
    return 0;
  }
  emitKeys(
    io,
    options,
    next,
    `new kid: ${key.kid} (signs ${alg}); kept: ${signing ? `${signing.kid} (verifies)` : "no earlier key of that algorithm"}${dropped > 0 ? `; dropped ${dropped} older key${dropped === 1 ? "" : "s"}` : ""}
${ROTATION_ADVICE}`,
  );
  return 0;
}
