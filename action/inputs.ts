/** The action's inputs (SPEC §6), validated with messages that quote the input and say what to do. */
import { HARD_MAX_TTL_SECONDS, parseDuration } from "../protocol/duration";
import { ENVIRONMENT_NAME, SCOPE_TOKEN } from "../protocol/names";
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
}

export const MAX_ATTEMPTS = 10;

const LOOPBACK = /^(localhost|127(?:\.[0-9]{1,3}){3}|\[::1\])$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
const RESERVED_ENV = /^(GITHUB_|RUNNER_|ACTIONS_|INPUT_|STATE_)|^(PATH|HOME|NODE_OPTIONS|CI)$/;

export function readInputs(core: Pick<ActionCore, "getInput">): ActionInputs {
  const input = (name: string) => core.getInput(name).trim();
  const url = parseServiceUrl(input("url"));
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
  };
}

function parseServiceUrl(value: string): string {
  if (value === "") throw new ActionError('Input "url" is required: the base URL of your downscope service.');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ActionError(`Input "url" must be a URL such as https://downscope.example.com, got "${value}".`);
  }
  const secure = url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.test(url.hostname));
  if (!secure) {
    throw new ActionError(`Input "url" must use https (http only for localhost), got "${value}".`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new ActionError(`Input "url" must not carry credentials, a query or a fragment, got "${value}".`);
  }
  return url.href.replace(/\/+$/, "");
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
