// Entry point of the action's post step: only wiring. The work is in revoke-step.ts.
import { systemClock } from "./core";
import { runRevokeStep } from "./revoke-step";
import { runnerCore } from "./runner";
import { runnerSecretFiles } from "./secret-files";

await runRevokeStep({
  core: runnerCore(),
  fetch: globalThis.fetch,
  env: process.env,
  clock: systemClock,
  secretFiles: runnerSecretFiles(),
});
