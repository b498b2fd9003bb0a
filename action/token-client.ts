/** The service's token endpoint, seen from the action: one exchange attempt, classified. */

import type { Denial } from "../protocol/denial";
import { shown } from "../protocol/printable";
import { ActionError } from "./core";
import { ResponseTooLarge } from "./http-client";
import { describeError } from "./id-token";
import type { ActionInputs } from "./inputs";
import { type Attempt, parseRetryAfter } from "./retry";

export interface GrantedToken {
  readonly access_token: string;
  /** An access token of the service, or (for an `oidc` environment) a JWT a cloud trusts. */
  readonly issued_token_type?: string;
  readonly token_type: string;
  readonly expires_in: number;
  /** Absent for a token that carries no scopes (an `oidc` environment's). */
  readonly scope?: string;
  readonly environment: string;
  /** For a GitHub token: the repositories it reaches, and the API to revoke it at. */
  readonly repositories?: readonly string[];
  readonly github_api_url?: string;
}

/** The service's policy explanation: the wire type the policy engine builds it as (protocol/denial.ts). */
export type { Denial };

export interface RefusalBody {
  readonly error: string;
  readonly error_description?: string;
  readonly denial?: Denial;
  readonly refused_scopes?: readonly string[];
}

export type ExchangeOutcome =
  | { readonly granted: GrantedToken }
  | { readonly refused: RefusalBody; readonly status: number };

const TIMEOUT_MS = 30_000;
const TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
const ID_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:id_token";
const ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

/**
 * One POST /token. `subject` is the job's GitHub OIDC token, or, to narrow it (docs/narrowing.md), a
 * token of the service.
 */
export async function exchangeSubjectToken(
  fetcher: typeof fetch,
  request: Pick<ActionInputs, "url" | "environment" | "scopes" | "ttl">,
  subject: { readonly token: string; readonly kind: "github" | "access_token" },
  now: number,
  dpopProof?: string,
): Promise<Attempt<ExchangeOutcome>> {
  const form = new URLSearchParams({
    grant_type: TOKEN_EXCHANGE,
    subject_token_type: subject.kind === "github" ? ID_TOKEN_TYPE : ACCESS_TOKEN_TYPE,
    subject_token: subject.token,
  });
  if (request.environment) form.set("environment", request.environment);
  if (request.scopes) form.set("scope", request.scopes.join(" "));
  if (request.ttl) form.set("expires_in", String(request.ttl));

  let response: Response;
  try {
    response = await fetcher(`${request.url}/token`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        accept: "application/json",
        ...(dpopProof ? { dpop: dpopProof } : {}),
      },
      body: form,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    if (error instanceof ResponseTooLarge) {
      throw notDownscope(request.url, error.status, error.contentType, null, "a body larger than 1 MiB");
    }
    return { transient: `${request.url} could not be reached (${describeError(error)})` };
  }
  const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), now);
  const text = await response.text().catch(() => "");
  const contentType = response.headers.get("content-type");
  let body: Record<string, unknown> | undefined;
  try {
    const parsed = JSON.parse(text);
    if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)) body = parsed;
  } catch {}
  // Overload and outages, whatever page a proxy or CDN put in front of them: worth another try.
  if (response.status === 429 || response.status >= 500) {
    const description = typeof body?.error_description === "string" ? `: ${shown(body.error_description)}` : "";
    return { transient: `the service answered HTTP ${response.status}${description}`, retryAfterMs };
  }
  // A redirect (never followed: the GitHub token must not go elsewhere), a login page, a WAF:
  // the url is wrong, and saying "refused" would send the author to read the policy instead.
  const location = response.headers.get("location");
  if (response.status >= 300 && response.status < 400) {
    throw notDownscope(request.url, response.status, contentType, location, snippet(text));
  }
  if (!body) throw notDownscope(request.url, response.status, contentType, location, snippet(text));
  if (response.ok && isGranted(body)) return { ok: { granted: body } };
  if (!response.ok && typeof body.error === "string") {
    return { ok: { refused: body as unknown as RefusalBody, status: response.status } };
  }
  throw notDownscope(
    request.url,
    response.status,
    contentType,
    location,
    "JSON that is neither a token nor an OAuth error",
  );
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat === "" ? "an empty body" : `"${shown(flat.slice(0, 120))}${flat.length > 120 ? "…" : ""}"`;
}

/** The `url` input names something that is not a downscope service: say what answered instead. */
function notDownscope(
  url: string,
  status: number,
  contentType: string | null,
  location: string | null,
  what: string,
): ActionError {
  const details = [`HTTP ${status}`, `content-type ${contentType ? shown(contentType) : "(none)"}`];
  if (location) details.push(`Location ${shown(location)}`);
  return new ActionError(
    `The url input (${url}) does not point at a downscope service: ${url}/token answered ${details.join(", ")}, with ${what}. Check the url input: it is the service's base URL (its /.well-known/oauth-authorization-server describes it); a redirect is never followed, so that the GitHub token goes nowhere else.`,
  );
}

function isGranted(body: Record<string, unknown> | undefined): body is Record<string, unknown> & GrantedToken {
  return (
    typeof body?.access_token === "string" &&
    body.access_token !== "" &&
    typeof body.token_type === "string" &&
    typeof body.expires_in === "number" &&
    (body.scope === undefined || typeof body.scope === "string") &&
    (body.issued_token_type === undefined || typeof body.issued_token_type === "string") &&
    (body.github_api_url === undefined || typeof body.github_api_url === "string") &&
    typeof body.environment === "string"
  );
}
