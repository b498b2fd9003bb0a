/**
 * GitHub's REST API as a GitHub App uses it to mint installation tokens: the app's JWT, its
 * installation on an account, `POST /app/installations/{id}/access_tokens`, and revoking a token
 * GitHub granted beyond what was asked. Every call carries `User-Agent`, `Accept` and
 * `X-GitHub-Api-Version`, is bounded in time, never follows a redirect, and reads at most 64 KiB.
 * GitHub's answers become fixed refusals (never echoed) and operator log lines that say what to
 * fix. Hand-written on fetch rather than Octokit: the Worker needs capped bodies, refused
 * redirects and a per-status mapping, which Octokit's request would still need wrapped.
 *
 * Per isolate it keeps each app's JWT until a minute before it expires (never beyond) and each
 * installation id for 10 minutes, dropped on any 401, 404 or 422. Tokens are never cached: one
 * fresh token per exchange, so one job's revocation never cuts off another's.
 */
import { base64url } from "jose";
import type { GithubApp } from "../../policy/kinds/github";
import { OAuthError } from "../http/errors";
import { BodyTooLarge, readLimited } from "../http/read-limited";
import type { Logger } from "../log";

const API_VERSION = "2022-11-28";
const USER_AGENT = "downscope";
const TIMEOUT_MS = 10_000;
const MAX_BODY = 64 * 1024;
/** GitHub allows `exp` at most 10 minutes ahead; 9, and `iat` 60 s back, leave room for clock drift. */
const JWT_BACKDATE = 60;
const JWT_AHEAD = 9 * 60;
const INSTALLATION_TTL_MS = 10 * 60 * 1000;
/** What a 503 asks the client to wait when GitHub says nothing: the action's retries stay useful. */
const DEFAULT_RETRY_SECONDS = 5;

export interface InstallationToken {
  readonly token: string;
  readonly expiresAt: string;
  readonly permissions: Readonly<Record<string, string>>;
  readonly repositories: readonly string[];
  readonly installationId: number;
}

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown> | undefined;
}

export class GithubAppClient {
  private readonly jwts = new Map<string, { token: string; exp: number }>();
  private readonly installations = new Map<string, { id: number; until: number }>();

  constructor(
    private readonly fetcher: typeof fetch,
    private readonly log: Logger,
  ) {}

  /**
   * A fresh installation token for exactly `repositories` and `permissions` of `owner`'s
   * installation. `now` in milliseconds.
   */
  async createToken(
    app: GithubApp,
    key: CryptoKey,
    owner: string,
    request: { readonly repositories: readonly string[]; readonly permissions: Readonly<Record<string, string>> },
    now: number,
  ): Promise<InstallationToken> {
    const jwt = await this.appJwt(app, key, Math.floor(now / 1000));
    const installationId = await this.installationId(app, owner, jwt, now);
    const answer = await this.call(app, "POST", `/app/installations/${installationId}/access_tokens`, `Bearer ${jwt}`, {
      // Never omitted: without them GitHub grants everything the installation has.
      repositories: request.repositories,
      permissions: request.permissions,
    });
    if (answer.status !== 201) {
      if ([401, 404, 422].includes(answer.status)) this.installations.delete(`${app.name}\n${owner.toLowerCase()}`);
      if (answer.status === 401) this.jwts.delete(app.name);
      throw this.refusal(app, owner, answer, "creating an installation token", now);
    }
    const body = answer.body ?? {};
    const token = typeof body.token === "string" ? body.token : undefined;
    const expiresAt = typeof body.expires_at === "string" ? body.expires_at : undefined;
    if (!token || !expiresAt || Number.isNaN(Date.parse(expiresAt))) {
      this.log({
        level: "error",
        event: "github_error",
        app: app.name,
        owner,
        problem: "GitHub's 201 lacks token or expires_at",
      });
      throw githubUnavailable("github_unavailable");
    }
    const granted = {
      token,
      expiresAt,
      permissions: (body.permissions ?? {}) as Record<string, string>,
      repositories: Array.isArray(body.repositories)
        ? body.repositories.map((repository) => String((repository as { name?: unknown }).name))
        : [],
      installationId,
    };
    const extra = beyondRequest(request, granted, body.repository_selection);
    if (extra) {
      // Fail closed: a token wider than the policy allows must not exist, let alone be handed out.
      await this.revoke(app, token);
      this.log({
        level: "error",
        event: "github_error",
        app: app.name,
        owner,
        problem: `GitHub granted more than was asked (${extra}): the token was revoked and nothing was issued`,
      });
      throw githubUnavailable("github_overgranted");
    }
    return granted;
  }

  /** `DELETE /installation/token` with the token itself; a failure is logged, never thrown. */
  async revoke(app: GithubApp, token: string): Promise<boolean> {
    try {
      const answer = await this.call(app, "DELETE", "/installation/token", `token ${token}`);
      return answer.status === 204 || answer.status === 401;
    } catch {
      this.log({
        level: "error",
        event: "github_error",
        app: app.name,
        problem: "revoking an over-granted token failed",
      });
      return false;
    }
  }

  /** The app's JWT (RS256): reused while it has more than a minute left, never beyond. */
  private async appJwt(app: GithubApp, key: CryptoKey, now: number): Promise<string> {
    const cached = this.jwts.get(app.name);
    if (cached && cached.exp - 60 > now) return cached.token;
    const iat = now - JWT_BACKDATE;
    const exp = now + JWT_AHEAD;
    const encode = (value: unknown) => base64url.encode(JSON.stringify(value));
    const input = `${encode({ alg: "RS256", typ: "JWT" })}.${encode({ iat, exp, iss: app.issuer })}`;
    const signature = await crypto.subtle.sign("RSASSA-PKCS1-v1_5", key, new TextEncoder().encode(input));
    const token = `${input}.${base64url.encode(new Uint8Array(signature))}`;
    this.jwts.set(app.name, { token, exp });
    return token;
  }

  /** The installation on `owner`: an organization's, else a user's. */
  private async installationId(app: GithubApp, owner: string, jwt: string, now: number): Promise<number> {
    const cacheKey = `${app.name}\n${owner.toLowerCase()}`;
    const cached = this.installations.get(cacheKey);
    if (cached && cached.until > now) return cached.id;
    this.installations.delete(cacheKey);
    let answer = await this.call(app, "GET", `/orgs/${encodeURIComponent(owner)}/installation`, `Bearer ${jwt}`);
    if (answer.status === 404) {
      answer = await this.call(app, "GET", `/users/${encodeURIComponent(owner)}/installation`, `Bearer ${jwt}`);
    }
    const id = answer.body?.id;
    if (answer.status !== 200 || typeof id !== "number" || !Number.isSafeInteger(id)) {
      if (answer.status === 401) this.jwts.delete(app.name);
      throw this.refusal(app, owner, answer, "looking up the app's installation", now);
    }
    this.installations.set(cacheKey, { id, until: now + INSTALLATION_TTL_MS });
    return id;
  }

  private async call(
    app: GithubApp,
    method: string,
    path: string,
    authorization: string,
    body?: unknown,
  ): Promise<Answer> {
    let response: Response;
    try {
      response = await this.fetcher(`${app.apiUrl}${path}`, {
        method,
        headers: {
          accept: "application/vnd.github+json",
          "x-github-api-version": API_VERSION,
          "user-agent": USER_AGENT,
          authorization,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        redirect: "manual",
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      this.log({
        level: "error",
        event: "github_error",
        app: app.name,
        problem: `${method} ${path}: ${timedOut ? `no answer within ${TIMEOUT_MS / 1000} s` : "GitHub could not be reached"} (check api_url ${app.apiUrl})`,
      });
      throw githubUnavailable("github_unavailable");
    }
    let parsed: Record<string, unknown> | undefined;
    try {
      const bytes = await readLimited(response.body, MAX_BODY);
      const value = bytes.byteLength === 0 ? undefined : JSON.parse(new TextDecoder().decode(bytes));
      parsed = value !== null && typeof value === "object" && !Array.isArray(value) ? value : undefined;
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        this.log({
          level: "error",
          event: "github_error",
          app: app.name,
          problem: `${method} ${path}: an answer over 64 KiB`,
        });
        throw githubUnavailable("github_unavailable");
      }
    }
    return { status: response.status, headers: response.headers, body: parsed };
  }

  /** GitHub's refusal as a fixed sentence for the caller, and a log line that says what to fix. */
  private refusal(app: GithubApp, owner: string, answer: Answer, doing: string, now: number): OAuthError {
    const message = typeof answer.body?.message === "string" ? answer.body.message.slice(0, 200) : "";
    const log = (problem: string) =>
      this.log({ level: "error", event: "github_error", app: app.name, owner, status: answer.status, problem });
    const limited =
      answer.status === 429 ||
      (answer.status === 403 &&
        (answer.headers.get("x-ratelimit-remaining") === "0" || answer.headers.has("retry-after")));
    if (limited) {
      const retryAfter = retrySeconds(answer.headers, now);
      log(`${doing}: GitHub's rate limit is reached; it resets in ${retryAfter} s`);
      return githubUnavailable("github_rate_limited", retryAfter);
    }
    if (answer.status >= 300 && answer.status < 400) {
      log(`${doing}: GitHub answered with a redirect, which is never followed (check api_url ${app.apiUrl})`);
      return githubUnavailable("github_unavailable");
    }
    if (answer.status === 401) {
      log(
        `${doing}: GitHub refused the app's JWT (${message || "401"}): check that DOWNSCOPE_GITHUB_APP_KEYS holds app "${app.name}"'s current private key, its client_id or app_id, and the clock`,
      );
      return githubUnavailable("github_app_refused");
    }
    if (answer.status === 404) {
      log(`${doing}: the app is not installed on ${owner}: install it there, on the repositories the policy names`);
      return new OAuthError(400, "invalid_target", "github_app_not_installed");
    }
    if (answer.status === 422 && /repositor/i.test(message)) {
      log(`${doing}: a repository is missing or not selected for the installation on ${owner} (GitHub: ${message})`);
      return new OAuthError(400, "invalid_target", "github_repository_unavailable");
    }
    if (answer.status === 422 && /permission/i.test(message)) {
      log(
        `${doing}: a permission is not granted to the installation on ${owner}, or awaits the owner's approval (GitHub: ${message})`,
      );
      return new OAuthError(400, "invalid_target", "github_permission_not_granted");
    }
    log(`${doing}: GitHub answered HTTP ${answer.status}${message ? ` (${message})` : ""}`);
    return githubUnavailable("github_unavailable");
  }
}

/** What GitHub granted beyond the request, in words; `undefined` when nothing. */
function beyondRequest(
  request: { readonly repositories: readonly string[]; readonly permissions: Readonly<Record<string, string>> },
  granted: { readonly permissions: Readonly<Record<string, string>>; readonly repositories: readonly string[] },
  selection: unknown,
): string | undefined {
  const order = ["read", "write", "admin"];
  for (const [name, level] of Object.entries(granted.permissions)) {
    const asked = Object.hasOwn(request.permissions, name) ? request.permissions[name] : undefined;
    if (asked === undefined || order.indexOf(String(level)) > order.indexOf(asked))
      return `permission ${name}: ${level}`;
  }
  const asked = new Set(request.repositories.map((name) => name.toLowerCase()));
  const extra = granted.repositories.find((name) => !asked.has(name.toLowerCase()));
  if (extra !== undefined) return `repository ${extra}`;
  if (selection === "all" || granted.repositories.length === 0) return "no repository list: possibly every repository";
  return undefined;
}

/** From `retry-after` (secondary limits), else `x-ratelimit-reset` (primary); `now` in milliseconds. */
function retrySeconds(headers: Headers, now: number): number {
  const retryAfter = Number(headers.get("retry-after"));
  if (Number.isInteger(retryAfter) && retryAfter > 0) return Math.min(retryAfter, 3600);
  const reset = Number(headers.get("x-ratelimit-reset"));
  if (Number.isInteger(reset) && reset > 0) return Math.min(Math.max(1, reset - Math.floor(now / 1000)), 3600);
  return 60;
}

function githubUnavailable(
  reason: "github_unavailable" | "github_rate_limited" | "github_app_refused" | "github_overgranted",
  retryAfter = DEFAULT_RETRY_SECONDS,
) {
  return new OAuthError(503, "temporarily_unavailable", reason, {}, { "retry-after": String(retryAfter) });
}
