/**
 * The service's configuration from its bindings (docs/operating.md), loaded once per set of binding
 * values and reused by every request of the isolate. Anything missing or invalid yields a
 * refusal to issue (fail closed) and one clear log line; never a partial configuration.
 */

import { openPolicyArtifact } from "../policy/artifact";
import { compilePolicyValue } from "../policy/compile";
import { federationIssuerProblem } from "../policy/kinds/oidc";
import { formatProblem } from "../policy/problems";
import type { CompiledPolicy, TrustedIssuer } from "../policy/types";
import { sha256Hex } from "../protocol/digest";
import { parseDuration } from "../protocol/duration";
import { LOOPBACK_HOSTS } from "../protocol/names";
import { generateSigningKeys, importSigningKeys, SigningKeyError, type SigningKeySet } from "../protocol/signing-keys";
import { AppKeyError, importAppKey } from "./github/private-key";
import type { Logger } from "./log";
import { trustedIssuers } from "./oidc/issuers";
import { DEFAULT_MAX_STALE_MS } from "./oidc/jwks-cache";

/**
 * The Worker's bindings: those wrangler.jsonc declares (generated into worker-configuration.d.ts
 * by `wrangler types`; `npm test` fails when it is stale), plus the secrets and local-only
 * variables wrangler.jsonc does not hold. All optional here: a missing one fails closed.
 */
export type Env = Partial<Cloudflare.Env> & {
  /** A policy as JSON text, for local runs and tests: wins over the bundled artifact. */
  DOWNSCOPE_POLICY?: string;
  DOWNSCOPE_SIGNING_KEYS?: string;
  /** A JSON object from each app of the policy's github_apps to its private key (PEM). */
  DOWNSCOPE_GITHUB_APP_KEYS?: string;
  DOWNSCOPE_DEV?: string;
  /** How long known issuer keys are served while the issuer is unreachable (`24h` default; `90m`, seconds). */
  DOWNSCOPE_ISSUER_KEYS_MAX_STALE?: string;
  /** `eu` or `fedramp`: keep single-use and revocation records in that jurisdiction. */
  DOWNSCOPE_STATE_JURISDICTION?: string;
};

export interface ServiceConfig {
  /** DOWNSCOPE_ISSUER without a trailing slash: `iss` of minted tokens and the public base URL. */
  readonly issuer: string;
  /** The `aud` subject tokens must carry. */
  readonly audience: string;
  readonly policy: CompiledPolicy;
  /** Where the policy came from: the artifact bundled at deploy time, or the variable. */
  readonly policySource: PolicySource;
  readonly policyDigest: string;
  readonly keys: SigningKeySet;
  /** Each GitHub App's imported key, or why there is none (its environments then fail closed). */
  readonly githubAppKeys: ReadonlyMap<string, { readonly key: CryptoKey } | { readonly problem: string }>;
  readonly trusted: ReadonlyMap<string, TrustedIssuer>;
  /** How long known issuer keys are served while the issuer is unreachable, in milliseconds. */
  readonly issuerKeysMaxStaleMs: number;
  readonly dev: boolean;
}

export type ConfigState =
  | { readonly ok: true; readonly config: ServiceConfig }
  | { readonly ok: false; readonly problem: string };

export type PolicySource = "bundled" | "DOWNSCOPE_POLICY";

/** How many lint warnings the load line quotes. */
const LINT_WARNINGS_SHOWN = 5;

export class ConfigLoader {
  private cached?: { inputs: readonly (string | undefined)[]; state: Promise<ConfigState> };
  private devKeys?: Promise<SigningKeySet>;

  /** `bundledPolicy` is the policy artifact bundled into the Worker (see worker/index.ts). */
  constructor(
    private readonly log: Logger,
    private readonly bundledPolicy: unknown = undefined,
  ) {}

  load(env: Env): Promise<ConfigState> {
    const inputs = [
      env.DOWNSCOPE_POLICY,
      env.DOWNSCOPE_SIGNING_KEYS,
      env.DOWNSCOPE_ISSUER,
      env.DOWNSCOPE_DEV,
      env.DOWNSCOPE_GITHUB_APP_KEYS,
      env.DOWNSCOPE_ISSUER_KEYS_MAX_STALE,
    ];
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
    if (dev && !LOOPBACK_HOSTS.has(new URL(issuer).hostname)) {
      // Each isolate would sign with a throwaway key of its own, and revocations would miss.
      return {
        ok: false,
        problem:
          "DOWNSCOPE_DEV=1 is for local runs only: DOWNSCOPE_ISSUER must then be a loopback URL (http://127.0.0.1:…)",
      };
    }

    const source = await this.policySource(env);
    if (!source.ok) return source;
    const compiled = compilePolicyValue(source.value, { prevalidated: source.policySource === "bundled" });
    if (!compiled.ok) {
      const shown = compiled.problems.slice(0, 20).map(formatProblem).join("; ");
      return { ok: false, problem: `${source.name} is invalid: ${shown}` };
    }
    // One line, whatever the count: an isolate's start must not cost in proportion to its warnings.
    const warnings = [...source.warnings, ...compiled.warnings.map(formatProblem)];
    if (warnings.length > 0) {
      this.log({
        level: "warn",
        event: "policy_lint",
        count: warnings.length,
        first: warnings.slice(0, LINT_WARNINGS_SHOWN),
        message: `the policy has ${warnings.length} lint warning${warnings.length === 1 ? "" : "s"}: run downscope policy check for all of them`,
      });
    }
    const trusted = trustedIssuers(compiled.policy);
    if (trusted.has(issuer)) {
      return {
        ok: false,
        problem: `${source.name} trusts DOWNSCOPE_ISSUER itself: the service would accept its own tokens`,
      };
    }

    // Federation: relying parties compare the issuer character for character, and each oidc
    // environment signs with the first key of its algorithm.
    const federated = [...compiled.policy.environments.values()].filter((environment) => environment.oidc);
    if (federated.length > 0) {
      const problem = federationIssuerProblem(env.DOWNSCOPE_ISSUER ?? "", { loopback: true });
      if (problem) return { ok: false, problem: `DOWNSCOPE_ISSUER ${problem}` };
    }
    const federationAlgorithms = [...new Set(federated.map((environment) => environment.oidc?.algorithm ?? "RS256"))];

    let keys: SigningKeySet;
    try {
      if (env.DOWNSCOPE_SIGNING_KEYS) keys = await importSigningKeys(env.DOWNSCOPE_SIGNING_KEYS);
      else if (dev) {
        this.devKeys ??= generateSigningKeys(["ES256", ...federationAlgorithms.filter((alg) => alg !== "ES256")]);
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

    for (const environment of federated) {
      const algorithm = environment.oidc?.algorithm ?? "RS256";
      if (!keys.first(algorithm)) {
        return {
          ok: false,
          problem: `environment "${environment.name}" (kind oidc) signs with ${algorithm}, and DOWNSCOPE_SIGNING_KEYS holds no ${algorithm} key: add one (downscope keys generate --alg ${algorithm}) and keep the others`,
        };
      }
    }

    const githubAppKeys = await this.githubAppKeys(compiled.policy, env.DOWNSCOPE_GITHUB_APP_KEYS);
    const staleSeconds =
      env.DOWNSCOPE_ISSUER_KEYS_MAX_STALE === undefined
        ? DEFAULT_MAX_STALE_MS / 1000
        : parseDuration(env.DOWNSCOPE_ISSUER_KEYS_MAX_STALE);
    if (staleSeconds === undefined || staleSeconds > 7 * 24 * 3600) {
      return {
        ok: false,
        problem: "DOWNSCOPE_ISSUER_KEYS_MAX_STALE must be a duration of at most 7 days, such as 24h, 90m or 3600",
      };
    }
    const { policySource, digest: policyDigest } = source;
    const audience = compiled.policy.audience ?? issuer;
    this.log({
      level: "info",
      event: "config_loaded",
      policy_source: policySource,
      policy_digest: policyDigest,
      active_kid: keys.active.kid,
      environments: compiled.policy.environments.size,
    });
    return {
      ok: true,
      config: {
        issuer,
        audience,
        policy: compiled.policy,
        policySource,
        policyDigest,
        keys,
        githubAppKeys,
        trusted,
        issuerKeysMaxStaleMs: staleSeconds * 1000,
        dev,
      },
    };
  }

  /**
   * The GitHub Apps' keys, imported once per isolate (a PKCS#1 key converted on the way). A
   * missing or broken key fails only that app's environments, with one log line naming the app.
   */
  private async githubAppKeys(
    policy: CompiledPolicy,
    text: string | undefined,
  ): Promise<ServiceConfig["githubAppKeys"]> {
    const keys = new Map<string, { key: CryptoKey } | { problem: string }>();
    if (policy.githubApps.size === 0) return keys;
    let parsed: Record<string, unknown> = {};
    let whole: string | undefined;
    try {
      const value = text === undefined ? undefined : JSON.parse(text);
      if (value === undefined) whole = "DOWNSCOPE_GITHUB_APP_KEYS is not set";
      else if (value === null || typeof value !== "object" || Array.isArray(value)) {
        whole = "DOWNSCOPE_GITHUB_APP_KEYS must be a JSON object from app names to PEM private keys";
      } else parsed = value;
    } catch {
      whole = "DOWNSCOPE_GITHUB_APP_KEYS is not JSON: a JSON object from app names to PEM private keys";
    }
    for (const name of policy.githubApps.keys()) {
      const environments = [...policy.environments.values()]
        .filter((environment) => environment.github?.app.name === name)
        .map((environment) => environment.name);
      let problem = whole;
      if (!problem) {
        const pem = Object.hasOwn(parsed, name) ? parsed[name] : undefined;
        if (typeof pem !== "string") problem = `DOWNSCOPE_GITHUB_APP_KEYS has no key for app "${name}"`;
        else {
          try {
            keys.set(name, { key: await importAppKey(pem) });
            continue;
          } catch (error) {
            if (!(error instanceof AppKeyError)) throw error;
            problem = `DOWNSCOPE_GITHUB_APP_KEYS["${name}"]: ${error.message}`;
          }
        }
      }
      keys.set(name, { problem });
      this.log({
        level: "error",
        event: "config_invalid",
        problem: `${problem}: its environments (${environments.join(", ") || "none"}) refuse to issue (503)`,
      });
    }
    return keys;
  }

  /** DOWNSCOPE_POLICY when set (JSON: the Worker reads no YAML), else the bundled artifact. */
  private async policySource(env: Env): Promise<
    | {
        readonly ok: true;
        readonly name: string;
        readonly policySource: PolicySource;
        readonly value: unknown;
        readonly digest: string;
        readonly warnings: readonly string[];
      }
    | { readonly ok: false; readonly problem: string }
  > {
    const text = env.DOWNSCOPE_POLICY;
    if (text) {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        return {
          ok: false,
          problem:
            "DOWNSCOPE_POLICY is not JSON (the Worker reads no YAML): print it with `downscope policy build policy.yml --variable`",
        };
      }
      this.log({
        level: "warn",
        event: "policy_from_variable",
        message: "DOWNSCOPE_POLICY is set: it wins over the bundled policy artifact (meant for local runs and tests)",
      });
      const digest = await sha256Hex(text);
      return { ok: true, name: "DOWNSCOPE_POLICY", policySource: "DOWNSCOPE_POLICY", value, digest, warnings: [] };
    }
    const opened = await openPolicyArtifact(this.bundledPolicy);
    if (!opened.ok) return { ok: false, problem: opened.problem };
    const { value, digest, warnings } = opened;
    return { ok: true, name: "the bundled policy", policySource: "bundled", value, digest, warnings };
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
  const secure = url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname));
  if (!secure) return problem("must be an https URL (http only on a loopback host)");
  if (url.username || url.password || url.search || url.hash)
    return problem("must not carry credentials, a query or a fragment");
  return value.replace(/\/+$/, "");
}
