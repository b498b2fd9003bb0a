/** Names of what the main step leaves for the post step (GITHUB_STATE). */
export const STATE = {
  token: "token",
  url: "url",
  expiresAt: "expires-at",
  revoke: "revoke",
  dpopKeyFile: "dpop-key-file",
} as const;
