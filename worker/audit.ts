/**
 * One audit line per token-exchange decision. It names who asked (verified claims only), what
 * was decided and why, and identifies tokens by ids and hashes, never by their text.
 */

import type { Claims } from "../policy/types";
import { sha256Hex } from "../protocol/digest";
import type { Logger } from "./log";

export interface ExchangeAudit {
  /**
   * `narrowing` when the subject was a token of this service; `oidc` for a token a cloud trusts
   * (an `oidc` environment's); absent for an access token from a GitHub token.
   */
  grant?: "narrowing" | "oidc" | "github";
  decision?: "allowed" | "denied";
  status?: number;
  reason?: string;
  environment?: string;
  rule?: string;
  repository?: string;
  repository_id?: string;
  run_id?: string;
  ref?: string;
  /** SHA-256 of the subject token's `jti`: links to GitHub's records without replaying them. */
  subject_jti_sha256?: string;
  jti?: string;
  kid?: string;
  /** For a narrowing: the token narrowed, and how deep the new one is (1 to 3). */
  parent_jti?: string;
  depth?: number;
  /** For a GitHub token: its SHA-256 (never the token), the installation, and what GitHub granted. */
  token_sha256?: string;
  installation_id?: number;
  github_permissions?: string;
  github_repositories?: readonly string[];
}

export async function recordSubject(audit: ExchangeAudit, claims: Claims): Promise<void> {
  const text = (name: string) => (typeof claims[name] === "string" ? (claims[name] as string) : undefined);
  audit.repository = text("repository");
  audit.repository_id = text("repository_id");
  audit.run_id = text("run_id");
  audit.ref = text("ref");
  const jti = text("jti");
  if (jti !== undefined) audit.subject_jti_sha256 = await sha256Hex(jti);
}

export function writeAudit(log: Logger, audit: ExchangeAudit): void {
  const record: Record<string, unknown> = { level: "info", event: "token_exchange" };
  for (const [key, value] of Object.entries(audit)) if (value !== undefined) record[key] = value;
  log(record);
}
