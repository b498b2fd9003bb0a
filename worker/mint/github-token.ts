/**
 * Environments of kind `github`: a GitHub App installation token for the repositories and
 * permissions the request asked for (all of the environment's when it named none), never more:
 * the request was checked against the environment before this runs, and GitHub's answer is
 * checked against the request (github/app-client.ts). The service keeps no copy: the audit line
 * carries the token's SHA-256, the installation and what GitHub granted.
 */
import { permissionsOf } from "../../policy/kinds/github";
import { sha256Hex } from "../../protocol/digest";
import { invalidRequest, unavailable } from "../http/errors";
import { ACCESS_TOKEN_TYPE } from "../http/token-request";
import type { TokenResponse } from "../token-response";
import type { GrantRequest } from "./grant";

export async function grantGithubToken(
  { decision, proofs, context }: GrantRequest,
  spend: () => Promise<void>,
): Promise<TokenResponse> {
  const { environment } = decision;
  if (proofs !== null) throw invalidRequest("dpop_not_for_github");
  const github = environment.github;
  const key = github ? context.config.githubAppKeys.get(github.app.name) : undefined;
  // A missing or broken key was logged once at load: this app's environments fail closed.
  if (!github || !key || !("key" in key)) throw unavailable("misconfigured");
  await spend();
  const minted = await context.github.createToken(
    github.app,
    key.key,
    github.owner,
    { repositories: decision.repositories ?? github.repositories, permissions: permissionsOf(decision.scopes) },
    context.now * 1000,
  );
  const scope = Object.entries(minted.permissions)
    .map(([name, level]) => `${name}:${level}`)
    .join(" ");
  context.audit.grant = "github";
  context.audit.token_sha256 = await sha256Hex(minted.token);
  context.audit.installation_id = minted.installationId;
  context.audit.github_permissions = scope;
  context.audit.github_repositories = minted.repositories;
  return {
    access_token: minted.token,
    issued_token_type: ACCESS_TOKEN_TYPE,
    token_type: "Bearer",
    expires_in: Math.max(0, Math.floor(Date.parse(minted.expiresAt) / 1000) - context.now),
    scope,
    environment: environment.name,
    repositories: minted.repositories,
    github_api_url: github.app.apiUrl,
  };
}
