import {
  actionsCore,
  lightFetch,
  runExchangeStep,
  runnerSecretFiles,
  systemClock
} from "./chunks/chunk-VQGQKHDX.js";
import "./chunks/chunk-WSFCRVEQ.js";

// action/main.ts
await runExchangeStep({
  core: actionsCore("downscope: no token"),
  fetch: lightFetch,
  env: process.env,
  clock: systemClock,
  secretFiles: runnerSecretFiles()
});
