/**
 * `downscope dpop proof`: a fresh DPoP proof for one request, signed with the key the action
 * exported (`dpop-key-file` or `dpop-key`), for workflow steps calling a DPoP-protected API.
 */
import type { JWK } from "jose";
import { createDpopProof, type DpopKey, dpopKeyFromJwk } from "../protocol/dpop-key";
import { CliError, type CliIo, readInput } from "./io";

export interface ProofOptions {
  readonly key?: string;
  readonly keyEnv?: string;
  readonly method: string;
  readonly url: string;
  readonly token?: string;
}

/** The private key from `--key FILE` (or `-`) or `--key-env NAME`; undefined when neither is given and `optional`. */
export async function loadDpopKey(
  io: CliIo,
  options: { readonly key?: string; readonly keyEnv?: string },
  optional = false,
): Promise<DpopKey | undefined> {
  if (optional && options.key === undefined && options.keyEnv === undefined) return undefined;
  const text =
    options.keyEnv !== undefined
      ? io.env[options.keyEnv]
      : options.key !== undefined
        ? readInput(io, options.key, "the DPoP key")
        : undefined;
  if (!text)
    throw new CliError(
      options.keyEnv ? `environment variable ${options.keyEnv} is empty` : "give --key FILE or --key-env NAME",
    );
  let jwk: JWK;
  try {
    jwk = JSON.parse(text) as JWK;
  } catch {
    throw new CliError("the DPoP key is not JSON: pass the action's dpop-key output or dpop-key-file");
  }
  return dpopKeyFromJwk(jwk).catch((error: unknown) => {
    throw new CliError(error instanceof Error ? error.message : "not a DPoP key");
  });
}

export async function dpopProof(io: CliIo, options: ProofOptions): Promise<number> {
  const key = (await loadDpopKey(io, options)) as DpopKey;
  try {
    new URL(options.url);
  } catch {
    throw new CliError(`--url must be the full URL of the request, got "${options.url}"`);
  }
  if (!/^[A-Z]+$/.test(options.method))
    throw new CliError(`--method must be an upper-case HTTP method, got "${options.method}"`);
  const proof = await createDpopProof(key, {
    method: options.method,
    url: options.url,
    ...(options.token ? { accessToken: options.token } : {}),
    now: Math.floor(io.now() / 1000),
  });
  io.out(proof);
  return 0;
}
