import {
  lightFetch,
  runExchangeStep,
  runnerCore,
  runnerSecretFiles,
  systemClock
} from "./chunks/chunk-2KZ45YZ2.js";
import "./chunks/chunk-WSFCRVEQ.js";

// action/main.ts
await runExchangeStep({
  core: runnerCore(),
  fetch: lightFetch,
  env: process.env,
  clock: systemClock,
  secretFiles: runnerSecretFiles()
});
