/**
 * `downscope token narrow`: exchange a downscope token for a narrower one (docs/narrowing.md), for scripts
 * and agents outside Actions: fewer scopes, a shorter life, never more than the token given.
 * The token is read from an environment variable or standard input, never printed back; only
 * the new token goes to stdout (or the whole answer with --json).
 */
import { createDpopProof } from "../protocol/dpop-key";
import { HARD_MAX_TTL_SECONDS, parseDuration } from "../protocol/duration";
import { SCOPE_TOKEN } from "../protocol/names";
import { parseServiceUrl } from "../protocol/service-url";
import { loadDpopKey } from "./dpop";
import { CliError, type CliIo, shown } from "./io";

export interface NarrowOptions {
  readonly url: string;
  /** The token, or - for standard input. */
  readonly token?: string;
  readonly tokenEnv?: string;
  readonly key?: string;
  readonly keyEnv?: string;
  readonly scope?: string;
  readonly ttl?: string;
  readonly json?: boolean;
}

const TIMEOUT_MS = 30_000;
const MAX_ANSWER_BYTES = 1024 * 1024;
const COMPACT_JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

export async function tokenNarrow(io: CliIo, options: NarrowOptions): Promise<number> {
  const service = parseServiceUrl(options.url);
  if (!service.ok) {
    throw new CliError(
      `--url must be the service's base URL, https (http only on localhost), without credentials, query or fragment; got "${shown(options.url)}"`,
    );
  }
  const token = readToken(io, options);
  const scopes = options.scope === undefined ? undefined : options.scope.trim().split(/\s+/);
  const badScope = scopes?.find((scope) => !SCOPE_TOKEN.test(scope));
  if (badScope !== undefined)
    throw new CliError(`--scope must be space-separated scopes, and "${shown(badScope)}" is not one`);
  const ttl = options.ttl === undefined ? undefined : parseDuration(options.ttl);
  if (options.ttl !== undefined && (ttl === undefined || ttl > HARD_MAX_TTL_SECONDS)) {
    throw new CliError(`--ttl must be a duration up to 1h, such as 90s, 5m or 600; got "${shown(options.ttl)}"`);
  }
  const key = await loadDpopKey(io, options, true);

  const endpoint = `${service.url}/token`;
  const form = new URLSearchParams({
    grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
    subject_token_type: "urn:ietf:params:oauth:token-type:access_token",
    subject_token: token,
  });
  if (scopes) form.set("scope", scopes.join(" "));
  if (ttl !== undefined) form.set("expires_in", String(ttl));
  const headers: Record<string, string> = {
    "content-type": "application/x-www-form-urlencoded",
    accept: "application/json",
  };
  if (key)
    headers.dpop = await createDpopProof(key, { method: "POST", url: endpoint, now: Math.floor(io.now() / 1000) });

  let response: Response;
  try {
    // Never follow a redirect: the token must go to this service and nowhere else.
    response = await io.fetch(endpoint, {
      method: "POST",
      headers,
      body: form,
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new CliError(
      `${endpoint} could not be reached (${shown(error instanceof Error ? error.message : String(error))})`,
    );
  }
  const text = await response.text();
  let body: Record<string, unknown> | undefined;
  try {
    const parsed = text.length <= MAX_ANSWER_BYTES ? JSON.parse(text) : undefined;
    if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)) body = parsed;
  } catch {}
  if (response.ok && typeof body?.access_token === "string") {
    io.out(options.json ? JSON.stringify(body, null, 2) : body.access_token);
    return 0;
  }
  if (!response.ok && typeof body?.error === "string") {
    const refused = Array.isArray(body.refused_scopes) ? ` (refused scopes: ${body.refused_scopes.join(" ")})` : "";
    throw new CliError(
      shown(
        `the service refused (HTTP ${response.status} ${body.error}): ${String(body.error_description ?? "")}${refused}`,
      ),
      1,
    );
  }
  const contentType = response.headers.get("content-type") ?? "(none)";
  const location = response.headers.get("location");
  throw new CliError(
    shown(
      `--url does not point at a downscope service: ${endpoint} answered HTTP ${response.status}, content-type ${contentType}${location ? `, Location ${location}` : ""}`,
    ),
  );
}

function readToken(io: CliIo, options: NarrowOptions): string {
  if ((options.token === undefined) === (options.tokenEnv === undefined)) {
    throw new CliError("give the token to narrow with --token-env NAME (an environment variable) or --token - (stdin)");
  }
  const value = (
    options.tokenEnv !== undefined ? io.env[options.tokenEnv] : readTokenArgument(io, options.token ?? "")
  )?.trim();
  if (!value)
    throw new CliError(
      options.tokenEnv ? `environment variable ${options.tokenEnv} is empty` : "no token on standard input",
    );
  // Never echoed: whatever it is, it may be a secret.
  if (value.length > 8 * 1024 || !COMPACT_JWT.test(value))
    throw new CliError("the token to narrow is not a JWT (a downscope token)");
  return value;
}

function readTokenArgument(io: CliIo, token: string): string {
  // A token on the command line is visible to every process on the machine: stdin or env only.
  if (token !== "-") throw new CliError("--token takes - (read the token from stdin); or use --token-env NAME");
  return io.readStdin();
}
