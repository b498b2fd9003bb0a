import {
  actionsCore,
  lightFetch,
  runRevokeStep,
  runnerSecretFiles,
  systemClock
} from "./chunks/chunk-Z4RZGQEJ.js";
import "./chunks/chunk-WSFCRVEQ.js";

// action/post.ts
await runRevokeStep({
  core: actionsCore("downscope: revoke"),
  fetch: lightFetch,
  env: process.env,
  clock: systemClock,
  secretFiles: runnerSecretFiles()
});
