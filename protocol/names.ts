/** Shapes of names shared by the policy and the token request, so both refuse the same things. */

/** RFC 6749 §3.3 scope-token characters, at most 128 of them. */
export const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]{1,128}$/;
export const ENVIRONMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** GitHub.com's Actions issuer: trusted unless the policy says `github_com: false`. */
export const GITHUB_COM_ISSUER = "https://token.actions.githubusercontent.com";

/** Hosts only this machine reaches: where http is allowed, for local runs and tests. */
export const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(["localhost", "127.0.0.1", "[::1]"]);
