// wrangler.jsonc's custom build step: the Worker bundles the policy artifact at .build/policy.json
// (written by `downscope policy build`). Where there is none yet, write the "no policy" artifact,
// with which the Worker issues nothing (503, and its log says why), and say so here, loudly.
// It never overwrites an artifact that is there.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

const path = ".build/policy.json";
if (!existsSync(path)) {
  mkdirSync(dirname(path), { recursive: true });
  // The same value as NO_POLICY_ARTIFACT in policy/artifact.ts (a test compares them).
  writeFileSync(path, `${JSON.stringify({ format: "downscope-policy-artifact", format_version: 1, policy: null })}\n`);
  console.error(
    `downscope: no policy artifact at ${path}: this bundle carries no policy and will issue nothing unless DOWNSCOPE_POLICY is set. For a deployment, run \`downscope policy build policy.yml\` first.`,
  );
}
