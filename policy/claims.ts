/**
 * The claims the policy reads, and the types it needs them in: checked by the service on every
 * verified GitHub token, and by the CLI's `explain` on claims an admin pastes in.
 */
import type { Claims } from "./types";

/** Claims that must be present as strings: the rules and the minted token depend on them. */
export const REQUIRED_STRING_CLAIMS = ["jti", "repository", "repository_id", "repository_owner_id"] as const;
/** Claims the service reads when present: a value of another JSON type is refused, not ignored. */
const OPTIONAL_STRING_CLAIMS = [
  "sub",
  "ref",
  "ref_type",
  "sha",
  "environment",
  "job_workflow_ref",
  "workflow_ref",
  "event_name",
  "runner_environment",
  "run_id",
  "run_attempt",
  "actor",
  "actor_id",
  "repository_owner",
];
const DIGITS = /^[0-9]{1,20}$/;

/**
 * Whether the claims the service reads have the types it needs: the required ones present as
 * non-empty strings (ids as digits, `repository` as owner/name), the others strings when present.
 * The CLI's `explain` asks the same question of claims an admin pastes in.
 */
export function subjectClaimsAcceptable(claims: Claims): boolean {
  for (const name of REQUIRED_STRING_CLAIMS) {
    if (typeof claims[name] !== "string" || claims[name] === "") return false;
  }
  for (const name of OPTIONAL_STRING_CLAIMS) {
    if (claims[name] !== undefined && typeof claims[name] !== "string") return false;
  }
  return (
    DIGITS.test(claims.repository_id as string) &&
    DIGITS.test(claims.repository_owner_id as string) &&
    /^[^/]+\/[^/]+$/.test(claims.repository as string)
  );
}
