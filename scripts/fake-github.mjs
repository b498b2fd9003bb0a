// A stand-in for GitHub's OIDC issuer: realistic Actions claims, signed with a real RS256 key.
// Used by the tests (as GitHub.com, behind a network stub) and by `./dev token` (as the local
// development issuer). Plain JavaScript so that Node runs it without a build step.
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, SignJWT } from "jose";

export const GITHUB_ISSUER = "https://token.actions.githubusercontent.com";

/** A new RS256 issuer key: `{ privateJwk, publicJwk }`, each with a thumbprint `kid`. */
export async function generateIssuerKey() {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true, modulusLength: 2048 });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk, "sha256");
  return {
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: "RS256" },
    publicJwk: { ...publicJwk, kid, alg: "RS256", use: "sig" },
  };
}

/**
 * The claims of a GitHub Actions job token, as GitHub issues them (all values are strings but
 * the times), for a push to main of acme/web deploying to staging. Override any of them.
 */
export function githubClaims(overrides = {}, now = Math.floor(Date.now() / 1000)) {
  const runId = "9876543210";
  return {
    jti: crypto.randomUUID(),
    sub: "repo:acme/web:environment:staging",
    aud: "https://downscope.example.com",
    ref: "refs/heads/main",
    sha: "4f1a2b3c4d5e6f708192a3b4c5d6e7f809102132",
    repository: "acme/web",
    repository_owner: "acme",
    repository_owner_id: "7890",
    repository_visibility: "private",
    repository_id: "123456",
    run_id: runId,
    run_number: "42",
    run_attempt: "1",
    runner_environment: "github-hosted",
    actor_id: "583231",
    actor: "octocat",
    workflow: "Deploy",
    head_ref: "",
    base_ref: "",
    event_name: "push",
    ref_protected: "true",
    ref_type: "branch",
    environment: "staging",
    workflow_ref: "acme/web/.github/workflows/deploy.yml@refs/heads/main",
    workflow_sha: "4f1a2b3c4d5e6f708192a3b4c5d6e7f809102132",
    job_workflow_ref: "acme/web/.github/workflows/deploy.yml@refs/heads/main",
    job_workflow_sha: "4f1a2b3c4d5e6f708192a3b4c5d6e7f809102132",
    iss: GITHUB_ISSUER,
    nbf: now - 5,
    exp: now + 300,
    iat: now - 5,
    ...overrides,
  };
}

/** Signs `claims` as GitHub would (`typ: JWT`, `kid`, `x5t`); `header` overrides header members. */
export async function signGithubToken(privateJwk, claims, header = {}) {
  const key = await importJWK(privateJwk, "RS256");
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "RS256", typ: "JWT", kid: privateJwk.kid, x5t: "dGVzdC14NXQ", ...header })
    .sign(key);
}
