import {
  runExchangeStep,
  runnerCore,
  runnerSecretFiles,
  systemClock
} from "./chunks/chunk-LGXWU6CQ.js";
import "./chunks/chunk-WSFCRVEQ.js";

// action/main.ts
await runExchangeStep({
  core: runnerCore(),
  fetch: globalThis.fetch,
  env: process.env,
  clock: systemClock,
  secretFiles: runnerSecretFiles()
});
