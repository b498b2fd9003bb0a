// wrangler.jsonc's custom build step, run before every bundle: the Worker bundles the policy
// artifact at .build/policy.json (written by `downscope policy build`), and this says which
// policy that is (its digest, as /healthz will report it).
//
// A named deployment (`--deployment staging`, from that environment's build command) must carry
// a policy: with no artifact, or the "no policy" one, the build fails with the command that
// makes one. Local runs and tests (the top level) get the "no policy" artifact written for them
// when there is none, with which the Worker issues nothing unless DOWNSCOPE_POLICY is set; it
// never overwrites an artifact that is there.
//   node scripts/wrangler-build-step.mjs [--deployment NAME]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";

const path = ".build/policy.json";
const { deployment } = parseArgs({ options: { deployment: { type: "string" } } }).values;
const fix =
  "run `downscope policy build policy.yml` (./dev downscope … in this repository) first: it writes .build/policy.json";

function fail(problem) {
  console.error(`downscope: ${problem}: refusing to build the ${deployment} deployment. ${fix}`);
  process.exit(1);
}

if (!existsSync(path)) {
  if (deployment) fail(`no policy artifact at ${path}`);
  mkdirSync(dirname(path), { recursive: true });
  // The same value as NO_POLICY_ARTIFACT in policy/artifact.ts (a test compares them).
  writeFileSync(path, `${JSON.stringify({ format: "downscope-policy-artifact", format_version: 1, policy: null })}\n`);
}

let artifact;
try {
  artifact = JSON.parse(readFileSync(path, "utf8"));
} catch {
  if (deployment) fail(`${path} is not a policy artifact (not JSON)`);
  console.error(`downscope: ${path} is not a policy artifact (not JSON): the Worker will issue nothing. ${fix}`);
  process.exit(0);
}
if (artifact?.policy === null || artifact?.policy === undefined) {
  if (deployment) fail(`${path} carries no policy`);
  console.error(
    `downscope: bundling no policy (${path}): this bundle issues nothing unless DOWNSCOPE_POLICY is set (local runs and tests). For a deployment, ${fix}.`,
  );
} else {
  // The service checks the format and the digest again when it loads the artifact.
  console.error(
    `downscope: bundling policy sha256:${artifact.policy_sha256} from ${path}${deployment ? ` into ${deployment}` : ""}`,
  );
}
