/** Asking the runner for the job's GitHub OIDC token (what `core.getIDToken` does, with retries). */
import { shown } from "../protocol/printable";
import { ActionError } from "./core";
import { type Attempt, parseRetryAfter } from "./retry";

export const PERMISSIONS_HELP = `downscope needs the job's GitHub OIDC token, and this job may not ask for one.
Add this to the job (or to the whole workflow):

  permissions:
    id-token: write
    contents: read

(Setting any permissions replaces the defaults, so list every one the job needs.)
If this run comes from a pull request opened from a fork, GitHub withholds OIDC tokens from it
whatever the permissions say: run deployments on push, on workflow_dispatch, or on
pull_request_target with a rule that names that event, never on code from untrusted forks.`;

export interface IdTokenEndpoint {
  readonly url: string;
  readonly bearer: string;
}

/** The runner's token endpoint, or the permissions help when the job has none. */
export function idTokenEndpoint(env: Readonly<Record<string, string | undefined>>): IdTokenEndpoint {
  const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!url || !bearer) throw new ActionError(PERMISSIONS_HELP);
  return { url, bearer };
}

const TIMEOUT_MS = 15_000;

export async function requestIdToken(
  fetcher: typeof fetch,
  endpoint: IdTokenEndpoint,
  audience: string,
  now: number,
): Promise<Attempt<string>> {
  const url = new URL(endpoint.url);
  url.searchParams.set("audience", audience);
  let response: Response;
  try {
    response = await fetcher(url, {
      headers: { authorization: `Bearer ${endpoint.bearer}`, accept: "application/json" },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    return { transient: `the runner's OIDC endpoint could not be reached (${describeError(error)})` };
  }
  if (response.status === 429 || response.status >= 500) {
    await response.body?.cancel();
    return {
      transient: `the runner refused to issue an OIDC token for now (HTTP ${response.status})`,
      retryAfterMs: parseRetryAfter(response.headers.get("retry-after"), now),
    };
  }
  if (!response.ok) {
    // The permission is evidently granted (the variables are set): say what GitHub answered.
    const answer = shown((await response.text().catch(() => "")).replace(/\s+/g, " ").trim().slice(0, 200));
    throw new ActionError(
      `The runner's OIDC endpoint (ACTIONS_ID_TOKEN_REQUEST_URL) refused the request (HTTP ${response.status}${answer ? `: "${answer}"` : ""}). ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are set, so the job has id-token: write; the request token may have expired (a job longer than its lifetime), or a proxy or self-hosted runner may be altering the request.`,
    );
  }
  const body = (await response.json().catch(() => undefined)) as { value?: unknown } | undefined;
  if (typeof body?.value !== "string" || body.value === "") {
    return { transient: "the runner's OIDC endpoint answered without a token" };
  }
  return { ok: body.value };
}

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return cause ? `${error.message}: ${cause}` : error.message;
  }
  return "unknown error";
}
