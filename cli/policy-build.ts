/**
 * `downscope policy build FILE`: the policy as a build artifact (docs/operating.md). It validates and lints
 * exactly as `check` does (same problems, same exit codes), then writes canonical JSON with its
 * digests to the path wrangler.jsonc bundles, so a deployment is `policy build && wrangler deploy`.
 * Nothing is written when the policy is invalid, or too large for a Worker.
 */
import { gzipSync } from "node:zlib";
import { canonicalJson, DEFAULT_ARTIFACT_PATH, makePolicyArtifact } from "../policy/artifact";
import { compilePolicy } from "../policy/policy-text";
import { formatProblem } from "../policy/problems";
import { CliError, type CliIo, readInput } from "./io";
import { type CheckOptions, reportCheck } from "./policy-check";

export interface BuildOptions extends CheckOptions {
  readonly out?: string;
  /** Print the policy as JSON text for DOWNSCOPE_POLICY (local runs, tests) instead. */
  readonly variable?: boolean;
}

/** Cloudflare's limits on a Worker's compressed size: Free and Paid plans. */
export const SCRIPT_LIMIT_FREE = 3 * 1024 * 1024;
export const SCRIPT_LIMIT_PAID = 10 * 1024 * 1024;
/** What the service's own code takes of that (~50 KiB gzipped today), with room to grow. */
const CODE_ALLOWANCE = 256 * 1024;
/** Cloudflare caps one variable or secret at 5 KB. */
const VARIABLE_LIMIT = 5 * 1024;

export async function policyBuild(io: CliIo, file: string, options: BuildOptions): Promise<number> {
  const text = readInput(io, file, "the policy");
  const result = compilePolicy(text);
  // With --variable, stdout carries the policy alone; everything else goes to stderr.
  const report = options.variable ? { ...io, out: io.err } : io;
  const code = reportCheck(report, file, result, { ...options, json: false });
  if (code !== 0 || !result.ok) return code;

  const { value } = result;
  if (options.variable) {
    const json = canonicalJson(value);
    io.out(json);
    if (json.length > VARIABLE_LIMIT) {
      io.err(
        `note: ${kib(json.length)} is over the 5 KB Cloudflare allows a variable or secret: fine for local runs and tests, but deploy it as the bundled artifact (downscope policy build ${file}).`,
      );
    }
    return 0;
  }

  const artifact = await makePolicyArtifact(text, value, { warnings: result.warnings.map(formatProblem) });
  const json = `${JSON.stringify(artifact, null, 2)}\n`;
  const gzipped = gzipSync(json).byteLength;
  const { refusal, note } = artifactSizeProblem(json.length, gzipped);
  if (refusal) throw new CliError(`${file} is too large to bundle into a Worker: ${refusal}`, 1);
  const out = options.out ?? DEFAULT_ARTIFACT_PATH;
  io.writeFile(out, json);
  const environments = result.policy.environments.size;
  const rules = [...result.policy.environments.values()].reduce((sum, environment) => sum + environment.ruleCount, 0);
  io.out(
    `wrote ${out}: ${environments} environment${environments === 1 ? "" : "s"}, ${rules} rule${rules === 1 ? "" : "s"}, ${kib(json.length)}, ${kib(gzipped)} gzipped; policy_digest ${artifact.policy_sha256}`,
  );
  if (note) io.out(`note: ${note}`);
  io.out(`next: wrangler deploy --env <name> (it bundles ${out}), or wrangler versions upload for a gradual rollout`);
  return 0;
}

/** Whether an artifact of these sizes fits a Worker (with its code): a refusal, or a note for the Free plan. */
export function artifactSizeProblem(bytes: number, gzipped: number): { refusal?: string; note?: string } {
  const sizes = `the artifact is ${kib(bytes)}, ${kib(gzipped)} gzipped`;
  if (gzipped + CODE_ALLOWANCE > SCRIPT_LIMIT_PAID) {
    return {
      refusal: `${sizes}, and a Worker may be at most 10 MiB gzipped (Workers Paid; its code needs ~${kib(CODE_ALLOWANCE)}). Split it into several deployments, or shorten its rules (wildcards, owner_id).`,
    };
  }
  if (gzipped + CODE_ALLOWANCE > SCRIPT_LIMIT_FREE) {
    return {
      note: `${sizes}: with the Worker's code this is over the Free plan's 3 MiB; deploy it on Workers Paid (10 MiB).`,
    };
  }
  return {};
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KiB`;
}
