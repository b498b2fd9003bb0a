import {
  STATE,
  describeError,
  lightFetch,
  runnerCore,
  runnerSecretFiles,
  systemClock
} from "./chunks/chunk-2KZ45YZ2.js";
import "./chunks/chunk-WSFCRVEQ.js";

// action/revoke-step.ts
var TIMEOUT_MS = 1e4;
async function runRevokeStep(deps) {
  const { core } = deps;
  const keyFile = core.getState(STATE.dpopKeyFile);
  if (keyFile && deps.secretFiles) {
    try {
      deps.secretFiles.remove(keyFile);
    } catch (error) {
      core.warning(`Could not remove the DPoP key file ${keyFile}: ${describeError(error)}`);
    }
  }
  const token = core.getState(STATE.token);
  if (!token) {
    core.debug("No token was issued: nothing to revoke.");
    return;
  }
  if (core.getState(STATE.revoke) === "false") {
    core.info("revoke: false: the token stays valid until it expires.");
    return;
  }
  const expiresAt = Date.parse(core.getState(STATE.expiresAt));
  if (!Number.isNaN(expiresAt) && expiresAt <= deps.clock.now()) {
    core.info("The token has already expired: nothing to revoke.");
    return;
  }
  const url = core.getState(STATE.url);
  try {
    const response = await deps.fetch(`${url}/revoke`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token, token_type_hint: "access_token" }),
      signal: AbortSignal.timeout(TIMEOUT_MS)
    });
    await response.body?.cancel();
    if (response.ok) core.info("Revoked the downscope token.");
    else if (response.status === 404) {
      core.warning("This downscope service does not support revocation: the token stays valid until it expires.");
    } else core.warning(`Could not revoke the token (HTTP ${response.status}): it stays valid until it expires.`);
  } catch (error) {
    core.warning(`Could not revoke the token (${describeError(error)}): it stays valid until it expires.`);
  }
}

// action/post.ts
await runRevokeStep({
  core: runnerCore(),
  fetch: lightFetch,
  env: process.env,
  clock: systemClock,
  secretFiles: runnerSecretFiles()
});
