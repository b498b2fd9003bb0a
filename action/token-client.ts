/** The service's token endpoint, seen from the action: one exchange attempt, classified. */

import type { Denial } from "../worker/policy/evaluate";
import { describeError } from "./id-token";
import type { ActionInputs } from "./inputs";
import { type Attempt, parseRetryAfter } from "./retry";

export interface GrantedToken {
  readonly access_token: string;
  readonly token_type: string;
  readonly expires_in: number;
  readonly scope: string;
  readonly environment: string;
}

/** The service's policy explanation: the same type it is built as (worker/policy/evaluate.ts). */
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

export async function exchangeSubjectToken(
  fetcher: typeof fetch,
  request: Pick<ActionInputs, "url" | "environment" | "scopes" | "ttl">,
  subjectToken: string,
  now: number,
  dpopProof?: string,
): Promise<Attempt<ExchangeOutcome>> {
  const form = new URLSearchParams({
    grant_type: TOKEN_EXCHANGE,
    subject_token_type: ID_TOKEN_TYPE,
    subject_token: subjectToken,
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
    return { transient: `${request.url} could not be reached (${describeError(error)})` };
  }
  const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), now);
  const body = (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined;
  if (response.status === 429 || response.status >= 500) {
    const description = typeof body?.error_description === "string" ? `: ${body.error_description}` : "";
    return { transient: `the service answered HTTP ${response.status}${description}`, retryAfterMs };
  }
  if (response.ok && isGranted(body)) return { ok: { granted: body } };
  if (!response.ok && typeof body?.error === "string") {
    return { ok: { refused: body as unknown as RefusalBody, status: response.status } };
  }
  return {
    ok: {
      refused: { error: "unexpected_response", error_description: `HTTP ${response.status} without a token response` },
      status: response.status,
    },
  };
}

function isGranted(body: Record<string, unknown> | undefined): body is Record<string, unknown> & GrantedToken {
  return (
    typeof body?.access_token === "string" &&
    body.access_token !== "" &&
    typeof body.token_type === "string" &&
    typeof body.expires_in === "number" &&
    typeof body.scope === "string" &&
    typeof body.environment === "string"
  );
}
