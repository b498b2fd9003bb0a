/**
 * The policy as a build artifact (docs/operating.md): what `downscope policy build` writes and the Worker
 * bundles, so a policy change is a new Worker version and its size is bounded by the script
 * limit rather than by the 5 KB a variable may hold. The build validates and lints; the Worker
 * checks the format and the digest, then trusts the validation (see `prevalidated` in compile.ts).
 *
 * @example
 * const artifact = await makePolicyArtifact(yamlText, value, { warnings: [] });
 * const opened = await openPolicyArtifact(JSON.parse(JSON.stringify(artifact)));
 * if (opened.ok) compilePolicyValue(opened.value, { prevalidated: true });
 */
import { sha256Hex } from "../protocol/digest";

export const POLICY_ARTIFACT_FORMAT = "downscope-policy-artifact";
export const POLICY_ARTIFACT_VERSION = 1;
/** Where `downscope policy build` writes by default, and what wrangler.jsonc bundles. */
export const DEFAULT_ARTIFACT_PATH = ".build/policy.json";

export interface PolicyArtifact {
  readonly format: typeof POLICY_ARTIFACT_FORMAT;
  readonly format_version: number;
  /** SHA-256 of the policy file as written: ties a deployment to a commit of it. */
  readonly source_sha256: string;
  /** SHA-256 of `policy`, exactly these characters: what `/healthz` reports as `policy_digest`. */
  readonly policy_sha256: string;
  /**
   * The validated policy as canonical JSON text (object keys sorted, no white space). Text, not
   * a nested object: the digest covers these exact characters, and a fresh isolate reads one
   * string literal and one `JSON.parse` instead of a large object literal.
   */
  readonly policy: string;
  /** Lint warnings of the build, logged again when the Worker loads it. */
  readonly warnings: readonly string[];
}

/** What a bundle built before any `policy build` holds: the Worker then issues nothing. */
export const NO_POLICY_ARTIFACT = {
  format: POLICY_ARTIFACT_FORMAT,
  format_version: POLICY_ARTIFACT_VERSION,
  policy: null,
};

export type OpenedArtifact =
  | { readonly ok: true; readonly value: unknown; readonly digest: string; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly absent: boolean; readonly problem: string };

/** JSON with every object's keys sorted, so one policy has one spelling (and one digest). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item) =>
    item !== null && typeof item === "object" && !Array.isArray(item)
      ? Object.fromEntries(
          Object.keys(item as object)
            .sort()
            .map((key) => [key, (item as Record<string, unknown>)[key]]),
        )
      : item,
  );
}

export async function makePolicyArtifact(
  source: string,
  value: unknown,
  options: { readonly warnings: readonly string[] },
): Promise<PolicyArtifact> {
  const policy = canonicalJson(value);
  return {
    format: POLICY_ARTIFACT_FORMAT,
    format_version: POLICY_ARTIFACT_VERSION,
    source_sha256: await sha256Hex(source),
    policy_sha256: await sha256Hex(policy),
    policy,
    warnings: options.warnings,
  };
}

/** Checks an artifact's format and digest and parses its policy; never a partial result. */
export async function openPolicyArtifact(artifact: unknown): Promise<OpenedArtifact> {
  const refuse = (problem: string, absent = false): OpenedArtifact => ({ ok: false, absent, problem });
  const fields = (artifact ?? NO_POLICY_ARTIFACT) as Partial<Record<keyof PolicyArtifact, unknown>> | null;
  if (fields === null || typeof fields !== "object" || fields.format !== POLICY_ARTIFACT_FORMAT) {
    return refuse("the bundled policy artifact is not a downscope policy artifact");
  }
  if (fields.format_version !== POLICY_ARTIFACT_VERSION) {
    return refuse(
      `the bundled policy artifact has format version ${JSON.stringify(fields.format_version)}; this service reads ${POLICY_ARTIFACT_VERSION}: rebuild it with this version's \`downscope policy build\``,
    );
  }
  if (fields.policy === null) {
    return refuse(
      "no policy: the Worker was bundled without one; run `downscope policy build policy.yml` before `wrangler deploy` (or set DOWNSCOPE_POLICY for a local run)",
      true,
    );
  }
  if (typeof fields.policy !== "string" || typeof fields.policy_sha256 !== "string") {
    return refuse("the bundled policy artifact is malformed (no policy text or digest)");
  }
  if ((await sha256Hex(fields.policy)) !== fields.policy_sha256) {
    return refuse("the bundled policy artifact's digest does not match its policy: it was altered after the build");
  }
  const warnings = Array.isArray(fields.warnings) ? fields.warnings.filter((item) => typeof item === "string") : [];
  try {
    return { ok: true, value: JSON.parse(fields.policy), digest: fields.policy_sha256, warnings };
  } catch {
    return refuse("the bundled policy artifact's policy is not JSON");
  }
}
