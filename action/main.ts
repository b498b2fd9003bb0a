// Entry point of the action's main step: only wiring. The work is in exchange-step.ts.
import { systemClock } from "./core";
import { runExchangeStep } from "./exchange-step";
import { lightFetch } from "./http-client";
import { runnerCore } from "./runner";
import { runnerSecretFiles } from "./secret-files";

await runExchangeStep({
  core: runnerCore(),
  fetch: lightFetch,
  env: process.env,
  clock: systemClock,
  secretFiles: runnerSecretFiles(),
});
