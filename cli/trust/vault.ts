/**
 * HashiCorp Vault: the JWT auth method configured with the issuer's discovery URL and the
 * environment's algorithm, and a `role_type=jwt` role bound to its audience and subject.
 * Source: vault-plugin-auth-jwt (path_config.go, path_role.go, path_login.go).
 */
import type { FederatedEnvironment, TrustConfiguration } from "./types";

export function vaultTrust(environment: FederatedEnvironment): TrustConfiguration {
  const config = {
    oidc_discovery_url: environment.issuer,
    bound_issuer: environment.issuer,
    jwt_supported_algs: [environment.algorithm],
  };
  const role = {
    role_type: "jwt",
    bound_audiences: [environment.audience],
    bound_subject: environment.subject,
    user_claim: "sub",
    claim_mappings: Object.fromEntries([...environment.contextClaims, "environment"].map((claim) => [claim, claim])),
    token_policies: ["POLICY"],
    token_ttl: "15m",
  };
  const text = `# 1. The JWT auth method, trusting downscope's discovery document:
vault auth enable jwt   # once
cat > jwt-config.json <<'JSON'
${JSON.stringify(config, null, 2)}
JSON
vault write auth/jwt/config @jwt-config.json

# 2. The role for this environment (POLICY: the Vault policies its token gets):
cat > role.json <<'JSON'
${JSON.stringify(role, null, 2)}
JSON
vault write auth/jwt/role/${environment.name} @role.json

# 3. In the workflow (examples/workflows/vault.yml):
#   vault write auth/jwt/login role=${environment.name} jwt=@<the action's token-file output>
`;
  return {
    text,
    json: { auth_jwt_config: config, auth_jwt_role: role },
    limits: [
      "jwt_supported_algs defaults to RS256: an ES256 environment must be listed there, as above.",
      "role_type must be jwt (the default, oidc, expects a browser login); a token with aud needs bound_audiences.",
      "Vault allows 150 s of leeway on exp and nbf and 60 s of clock skew.",
    ],
  };
}
