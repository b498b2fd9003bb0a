/** The answer to a granted `POST /token` (docs/protocol.md), for every kind; `tokenResponse` builds an access token's. */
import { ACCESS_TOKEN_TYPE } from "./http/token-request";

export interface TokenResponse {
  /** RFC 8693 §2.2.1: the issued token, whatever its type. */
  readonly access_token: string;
  readonly issued_token_type: string;
  /** `N_A` for a token that is not an access token (an `oidc` environment's). */
  readonly token_type: "Bearer" | "DPoP" | "N_A";
  readonly expires_in: number;
  /** Absent where the token carries no scopes (an `oidc` environment's). */
  readonly scope?: string;
  readonly environment: string;
  /** For a GitHub token: the repositories it reaches, and the API it is for. */
  readonly repositories?: readonly string[];
  readonly github_api_url?: string;
}

/** `jkt` set means the token is DPoP-bound. */
export function tokenResponse(
  token: string,
  jkt: string | undefined,
  grant: { readonly scopes: readonly string[]; readonly ttl: number; readonly environment: { readonly name: string } },
): TokenResponse {
  return {
    access_token: token,
    issued_token_type: ACCESS_TOKEN_TYPE,
    token_type: jkt === undefined ? "Bearer" : "DPoP",
    expires_in: grant.ttl,
    scope: grant.scopes.join(" "),
    environment: grant.environment.name,
  };
}
