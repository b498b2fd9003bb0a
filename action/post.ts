// Entry point of the action's post step: only wiring. The work is in revoke-step.ts.
import { actionsCore } from "./actions-core";
import { systemClock } from "./core";
import { lightFetch } from "./http-client";
import { runRevokeStep } from "./revoke-step";
import { runnerSecretFiles } from "./secret-files";

await runRevokeStep({
  core: actionsCore("downscope: revoke"),
  fetch: lightFetch,
  env: process.env,
  clock: systemClock,
  secretFiles: runnerSecretFiles(),
});
