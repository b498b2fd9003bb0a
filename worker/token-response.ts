/** The answer to a granted `POST /token` (SPEC §4), for both grants (exchange.ts, narrow.ts). */
import { ACCESS_TOKEN_TYPE } from "./http/token-request";

export interface TokenResponse {
  readonly access_token: string;
  readonly issued_token_type: typeof ACCESS_TOKEN_TYPE;
  readonly token_type: "Bearer" | "DPoP";
  readonly expires_in: number;
  readonly scope: string;
  readonly environment: string;
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
