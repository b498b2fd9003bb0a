/** Names of what the main step leaves for the post step (GITHUB_STATE). */
export const STATE = {
  token: "token",
  url: "url",
  expiresAt: "expires-at",
  revoke: "revoke",
  dpopKeyFile: "dpop-key-file",
  /**
   * `oidc` for a token a cloud trusts (nothing to revoke: no cloud asks; files to remove);
   * `github` for a GitHub token (revoked at GitHub's API).
   */
  kind: "kind",
  githubApiUrl: "github-api-url",
  tokenFile: "token-file",
  gcpCredentialsFile: "gcp-credentials-file",
} as const;
