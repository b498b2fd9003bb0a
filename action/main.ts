// Entry point of the action's main step: only wiring. The work is in exchange-step.ts.
import { systemClock } from "./core";
import { runExchangeStep } from "./exchange-step";
import { runnerCore } from "./runner";
import { runnerSecretFiles } from "./secret-files";

await runExchangeStep({
  core: runnerCore(),
  fetch: globalThis.fetch,
  env: process.env,
  clock: systemClock,
  secretFiles: runnerSecretFiles(),
});
