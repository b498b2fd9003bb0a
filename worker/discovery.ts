/**
 * What the service publishes about itself: RFC 8414 metadata, its public keys, and, when the
 * policy has `oidc` environments, the OpenID Connect Discovery document relying parties read.
 */
import { OIDC_ALGORITHMS } from "../policy/kinds/oidc";
import { CONTEXT_CLAIMS } from "../policy/schema";
import { DPOP_ALGORITHMS } from "../protocol/dpop-proof";
import type { ServiceConfig } from "./config";
import { TOKEN_EXCHANGE_GRANT } from "./http/token-request";

export const JWKS_PATH = "/.well-known/jwks.json";
export const OPENID_CONFIGURATION_PATH = "/.well-known/openid-configuration";

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

/**
 * OpenID Connect Discovery 1.0 metadata of an issuer that mints tokens non-interactively: what
 * AWS, Google Cloud, Microsoft Entra, Vault and Kubernetes read (the issuer, where its keys
 * are, and what it signs with). No authorization or token endpoint: no relying party sends a
 * user here, and GitHub's own issuer publishes none either. `undefined` without an `oidc`
 * environment: then downscope is no OpenID issuer, and a half-used document would mislead.
 */
export function openidConfiguration(config: ServiceConfig): Record<string, unknown> | undefined {
  if (![...config.policy.environments.values()].some((environment) => environment.oidc)) return undefined;
  const configured = new Set(config.keys.all.map((key) => key.alg));
  return {
    issuer: config.issuer,
    jwks_uri: `${config.issuer}${JWKS_PATH}`,
    response_types_supported: ["id_token"],
    subject_types_supported: ["public"],
    // RS256 first: the one algorithm every relying party accepts (and OIDC Discovery requires).
    id_token_signing_alg_values_supported: OIDC_ALGORITHMS.filter((alg) => configured.has(alg)),
    claims_supported: ["iss", "sub", "aud", "iat", "nbf", "exp", "jti", "environment", ...CONTEXT_CLAIMS],
  };
}
