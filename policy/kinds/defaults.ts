/** Each kind's default lifetime, for what reads policy values as written (report, diff). */
import { DEFAULT_TTL_SECONDS } from "./access";
import { GITHUB_TOKEN_SECONDS } from "./github";
import { OIDC_DEFAULT_TTL_SECONDS } from "./oidc";

export function defaultTtlSeconds(kind: unknown): number {
  if (kind === "oidc") return OIDC_DEFAULT_TTL_SECONDS;
  if (kind === "github") return GITHUB_TOKEN_SECONDS;
  return DEFAULT_TTL_SECONDS;
}
