/**
 * The service's configuration from its bindings (SPEC §2), loaded once per set of binding
 * values and reused by every request of the isolate. Anything missing or invalid yields a
 * refusal to issue (fail closed) and one clear log line; never a partial configuration.
 */
import { sha256Hex } from "./digest";
import { generateSigningKeys, importSigningKeys, SigningKeyError, type SigningKeySet } from "./keys/signing-keys";
import type { Logger } from "./log";
import { trustedIssuers } from "./oidc/issuers";
import { compilePolicy } from "./policy/compile";
import { formatProblem } from "./policy/problems";
import type { CompiledPolicy, TrustedIssuer } from "./policy/types";
import type { TokenState } from "./state/token-state";

export interface Env {
  DOWNSCOPE_POLICY?: string;
  DOWNSCOPE_SIGNING_KEYS?: string;
  DOWNSCOPE_ISSUER?: string;
  DOWNSCOPE_DEV?: string;
  /** Single-use and revocation records: required to issue, revoke or introspect. */
  DOWNSCOPE_STATE?: DurableObjectNamespace<TokenState>;
  DOWNSCOPE_RATE_LIMIT_CLIENT?: RateLimit;
  DOWNSCOPE_RATE_LIMIT_REPOSITORY?: RateLimit;
}

export interface ServiceConfig {
  /** DOWNSCOPE_ISSUER without a trailing slash: `iss` of minted tokens and the public base URL. */
  readonly issuer: string;
  /** The `aud` subject tokens must carry. */
  readonly audience: string;
  readonly policy: CompiledPolicy;
  readonly policyDigest: string;
  readonly keys: SigningKeySet;
  readonly trusted: ReadonlyMap<string, TrustedIssuer>;
  readonly dev: boolean;
}

export type ConfigState =
  | { readonly ok: true; readonly config: ServiceConfig }
  | { readonly ok: false; readonly problem: string };

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

export class ConfigLoader {
  private cached?: { inputs: readonly (string | undefined)[]; state: Promise<ConfigState> };
  private devKeys?: Promise<SigningKeySet>;

  constructor(private readonly log: Logger) {}

  load(env: Env): Promise<ConfigState> {
    const inputs = [env.DOWNSCOPE_POLICY, env.DOWNSCOPE_SIGNING_KEYS, env.DOWNSCOPE_ISSUER, env.DOWNSCOPE_DEV];
    if (this.cached && inputs.every((value, index) => value === this.cached?.inputs[index])) return this.cached.state;
    const state = this.build(env).then((result) => {
      if (!result.ok) this.log({ level: "error", event: "config_invalid", problem: result.problem });
      return result;
    });
    this.cached = { inputs, state };
    return state;
  }

  private async build(env: Env): Promise<ConfigState> {
    const dev = env.DOWNSCOPE_DEV === "1";
    const issuer = checkIssuer(env.DOWNSCOPE_ISSUER);
    if (typeof issuer !== "string") return issuer;

    if (!env.DOWNSCOPE_POLICY) return { ok: false, problem: "DOWNSCOPE_POLICY is not set" };
    const compiled = compilePolicy(env.DOWNSCOPE_POLICY);
    if (!compiled.ok) {
      const shown = compiled.problems.slice(0, 20).map(formatProblem).join("; ");
      return { ok: false, problem: `DOWNSCOPE_POLICY is invalid: ${shown}` };
    }
    for (const warning of compiled.warnings) {
      this.log({ level: "warn", event: "policy_lint", warning: formatProblem(warning) });
    }
    const trusted = trustedIssuers(compiled.policy.issuers);
    if (trusted.has(issuer)) {
      return {
        ok: false,
        problem: "DOWNSCOPE_POLICY trusts DOWNSCOPE_ISSUER itself: the service would accept its own tokens",
      };
    }

    let keys: SigningKeySet;
    try {
      if (env.DOWNSCOPE_SIGNING_KEYS) keys = await importSigningKeys(env.DOWNSCOPE_SIGNING_KEYS);
      else if (dev) {
        this.devKeys ??= generateSigningKeys();
        keys = await this.devKeys;
        this.log({
          level: "warn",
          event: "dev_signing_key",
          message: "DOWNSCOPE_DEV=1 and no DOWNSCOPE_SIGNING_KEYS: using an ephemeral key",
          kid: keys.active.kid,
        });
      } else return { ok: false, problem: "DOWNSCOPE_SIGNING_KEYS is not set" };
    } catch (error) {
      if (error instanceof SigningKeyError) return { ok: false, problem: error.message };
      throw error;
    }

    const policyDigest = await sha256Hex(env.DOWNSCOPE_POLICY);
    const audience = compiled.policy.audience ?? issuer;
    this.log({
      level: "info",
      event: "config_loaded",
      policy_digest: policyDigest,
      active_kid: keys.active.kid,
      environments: compiled.policy.environments.size,
    });
    return { ok: true, config: { issuer, audience, policy: compiled.policy, policyDigest, keys, trusted, dev } };
  }
}

/** https, or http on a loopback host for local runs; no path tricks, query or fragment. */
function checkIssuer(value: string | undefined): string | ConfigState {
  const problem = (message: string): ConfigState => ({ ok: false, problem: `DOWNSCOPE_ISSUER ${message}` });
  if (!value) return problem("is not set");
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return problem("is not a URL");
  }
  const secure = url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.has(url.hostname));
  if (!secure) return problem("must be an https URL (http only on a loopback host)");
  if (url.username || url.password || url.search || url.hash)
    return problem("must not carry credentials, a query or a fragment");
  return value.replace(/\/+$/, "");
}
