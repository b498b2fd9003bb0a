import {
  lightFetch,
  runExchangeStep,
  runnerCore,
  runnerSecretFiles,
  systemClock
} from "./chunks/chunk-MWS7SZUI.js";
import "./chunks/chunk-WSFCRVEQ.js";

// action/main.ts
await runExchangeStep({
  core: runnerCore(),
  fetch: lightFetch,
  env: process.env,
  clock: systemClock,
  secretFiles: runnerSecretFiles()
});
