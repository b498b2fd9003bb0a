/**
 * The policy the end-to-end tests run the service with: the fake GitHub issuer's keys inline
 * (the service fetches nothing), and one staging rule for acme/web on main.
 */
import { GITHUB_ISSUER } from "../../scripts/fake-github.mjs";

export const STAGING_AUDIENCE = "https://deploy.acme.dev/staging";

/** `narrowing`: whether staging's tokens may be narrowed for sub-tasks (docs/narrowing.md); default the policy's default. */
export const stagingPolicy = (jwks: unknown, options: { narrowing?: "allowed" | "denied" } = {}) => `
version: 1
issuers:
  - issuer: ${GITHUB_ISSUER}
    jwks: ${JSON.stringify(jwks)}
environments:
  staging:
    audience: ${STAGING_AUDIENCE}
    scopes: [deploy:write, logs:read]
    default_scopes: [deploy:write]
${options.narrowing ? `    narrowing: ${options.narrowing}\n` : ""}    rules:
      - name: web deploys from main
        repository: acme/web
        repository_id: 123456
        ref: refs/heads/main
        environment: staging
`;
