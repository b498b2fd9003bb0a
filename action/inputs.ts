/** The action's inputs (docs/action.md), validated with messages that quote the input and say what to do. */
import { HARD_MAX_TTL_SECONDS, parseDuration } from "../protocol/duration";
import { ENVIRONMENT_NAME, SCOPE_TOKEN } from "../protocol/names";
import { shown } from "../protocol/printable";
import { parseServiceUrl } from "../protocol/service-url";
import { type ActionCore, ActionError } from "./core";

export interface ActionInputs {
  /** The service's base URL, without a trailing slash. */
  readonly url: string;
  readonly environment?: string;
  readonly scopes?: readonly string[];
  /** Seconds. */
  readonly ttl?: number;
  /** `aud` of the GitHub OIDC token. */
  readonly audience: string;
  readonly dpop: boolean;
  readonly revoke: boolean;
  readonly exportEnv?: string;
  /** Attempts in all (1 = no retry). */
  readonly retries: number;
  /** Write the job summary. */
  readonly summary: boolean;
  /** A downscope token to narrow instead of exchanging the job's OIDC token (docs/narrowing.md). */
  readonly narrowFrom?: string;
  /** The private JWK file of the key `narrowFrom` is bound to. */
  readonly narrowFromKeyFile?: string;
  /** For a Google workload identity provider: the service account the credentials file impersonates. */
  readonly gcpServiceAccount?: string;
}

/** A service account's email, as Google writes it: name@project.iam.gserviceaccount.com (or a legacy domain). */
const SERVICE_ACCOUNT = /^[a-z0-9][a-z0-9-]{0,62}@[a-z0-9][a-z0-9.-]{0,253}$/;

export const MAX_ATTEMPTS = 10;

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
const COMPACT_JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const MAX_TOKEN_LENGTH = 8 * 1024;
const RESERVED_ENV = /^(GITHUB_|RUNNER_|ACTIONS_|INPUT_|STATE_)|^(PATH|HOME|NODE_OPTIONS|CI)$/;

export function readInputs(core: Pick<ActionCore, "getInput">): ActionInputs {
  const input = (name: string) => core.getInput(name).trim();
  const url = serviceUrl(input("url"));
  const environment = input("environment") || undefined;
  if (environment !== undefined && !ENVIRONMENT_NAME.test(environment)) {
    throw new ActionError(
      `Input "environment" must be an environment name (letters, digits, ".", "_", "-"), got "${environment}".`,
    );
  }
  const scope = input("scope");
  const scopes = scope === "" ? undefined : scope.split(/\s+/);
  for (const item of scopes ?? []) {
    if (!SCOPE_TOKEN.test(item)) {
      throw new ActionError(`Input "scope" must be space-separated scopes, and "${item}" is not one.`);
    }
  }
  const ttl = parseTtl(input("ttl"));
  const audience = input("audience") || new URL(url).origin;
  const exportEnv = input("export-env") || undefined;
  if (exportEnv !== undefined && (!ENV_NAME.test(exportEnv) || RESERVED_ENV.test(exportEnv))) {
    throw new ActionError(
      `Input "export-env" must be an environment variable name of your own (not PATH, GITHUB_*, RUNNER_* …), got "${exportEnv}".`,
    );
  }
  const narrowFrom = input("narrow-from") || undefined;
  if (narrowFrom !== undefined && (narrowFrom.length > MAX_TOKEN_LENGTH || !COMPACT_JWT.test(narrowFrom))) {
    // Never quote it: it is meant to be a token.
    throw new ActionError(
      'Input "narrow-from" must be a downscope token (a JWT of at most 8 KiB), such as an earlier step\'s "token" output.',
    );
  }
  const narrowFromKeyFile = input("narrow-from-key-file") || undefined;
  if (narrowFromKeyFile !== undefined && narrowFrom === undefined) {
    throw new ActionError('Input "narrow-from-key-file" goes with "narrow-from": the key of the token to narrow.');
  }
  const gcpServiceAccount = input("gcp-service-account") || undefined;
  if (gcpServiceAccount !== undefined && !SERVICE_ACCOUNT.test(gcpServiceAccount)) {
    throw new ActionError(
      `Input "gcp-service-account" must be a service account's email, e.g. deployer@my-project.iam.gserviceaccount.com, not "${shown(gcpServiceAccount)}".`,
    );
  }
  return {
    url,
    environment,
    scopes,
    ttl,
    audience,
    dpop: parseBoolean("dpop", input("dpop"), false),
    revoke: parseBoolean("revoke", input("revoke"), true),
    exportEnv,
    retries: parseAttempts(input("retries")),
    summary: parseBoolean("summary", input("summary"), true),
    ...(narrowFrom !== undefined ? { narrowFrom } : {}),
    ...(narrowFromKeyFile !== undefined ? { narrowFromKeyFile } : {}),
    ...(gcpServiceAccount !== undefined ? { gcpServiceAccount } : {}),
  };
}

function serviceUrl(value: string): string {
  if (value === "") throw new ActionError('Input "url" is required: the base URL of your downscope service.');
  const parsed = parseServiceUrl(value);
  if (parsed.ok) return parsed.url;
  throw new ActionError(
    {
      not_a_url: `Input "url" must be a URL such as https://downscope.example.com, got "${value}".`,
      insecure: `Input "url" must use https (http only for localhost), got "${value}".`,
      extras: `Input "url" must not carry credentials, a query or a fragment, got "${value}".`,
    }[parsed.problem],
  );
}

function parseTtl(value: string): number | undefined {
  if (value === "") return undefined;
  const seconds = parseDuration(value);
  if (seconds === undefined) {
    throw new ActionError(
      `Input "ttl" must be a duration such as "10m", "90s", "1h" or whole seconds, got "${value}".`,
    );
  }
  if (seconds > HARD_MAX_TTL_SECONDS) throw new ActionError(`Input "ttl" must be at most 1h, got "${value}".`);
  return seconds;
}

function parseAttempts(value: string): number {
  if (value === "") return 5;
  if (!/^[0-9]{1,2}$/.test(value) || Number(value) < 1 || Number(value) > MAX_ATTEMPTS) {
    throw new ActionError(
      `Input "retries" must be the number of attempts, 1 to ${MAX_ATTEMPTS} (1: no retry), got "${value}".`,
    );
  }
  return Number(value);
}

function parseBoolean(name: string, value: string, fallback: boolean): boolean {
  if (value === "") return fallback;
  if (/^true$/i.test(value)) return true;
  if (/^false$/i.test(value)) return false;
  throw new ActionError(`Input "${name}" must be true or false, got "${value}".`);
}
