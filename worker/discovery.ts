/** What the service publishes about itself: RFC 8414 metadata and its public keys. */
import { DPOP_ALGORITHMS } from "../protocol/dpop-proof";
import type { ServiceConfig } from "./config";
import { TOKEN_EXCHANGE_GRANT } from "./http/token-request";

export const JWKS_PATH = "/.well-known/jwks.json";

export function authorizationServerMetadata(config: ServiceConfig): Record<string, unknown> {
  return {
    issuer: config.issuer,
    token_endpoint: `${config.issuer}/token`,
    jwks_uri: `${config.issuer}${JWKS_PATH}`,
    grant_types_supported: [TOKEN_EXCHANGE_GRANT],
    // Clients authenticate with the subject token itself, not with client credentials;
    // holding a minted token is what lets one revoke or introspect it.
    token_endpoint_auth_methods_supported: ["none"],
    revocation_endpoint: `${config.issuer}/revoke`,
    revocation_endpoint_auth_methods_supported: ["none"],
    introspection_endpoint: `${config.issuer}/introspect`,
    introspection_endpoint_auth_methods_supported: ["none"],
    response_types_supported: [],
    dpop_signing_alg_values_supported: [...DPOP_ALGORITHMS],
  };
}

export function publicJwks(config: ServiceConfig): { keys: readonly Readonly<Record<string, unknown>>[] } {
  return { keys: config.keys.jwks.keys };
}
