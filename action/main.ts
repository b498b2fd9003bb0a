// Entry point of the action's main step: only wiring. The work is in exchange-step.ts.
import { actionsCore } from "./actions-core";
import { systemClock } from "./core";
import { runExchangeStep } from "./exchange-step";
import { lightFetch } from "./http-client";
import { runnerSecretFiles } from "./secret-files";

await runExchangeStep({
  core: actionsCore("downscope: no token"),
  fetch: lightFetch,
  env: process.env,
  clock: systemClock,
  secretFiles: runnerSecretFiles(),
  // getBuiltinModule: an ES import of node:url would be loaded for every step, used or not.
  cliPath: process.getBuiltinModule("node:url").fileURLToPath(new URL("./cli.js", import.meta.url)),
});
