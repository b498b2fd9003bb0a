import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);

// action/core.ts
var systemClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random()
};

// verify/dpop-proof.ts
var MAX_DPOP_PROOF_BYTES = 4 * 1024;

// action/id-token.ts
function describeError(error) {
  if (error instanceof Error) {
    const cause = error.cause?.code;
    return cause ? `${error.message}: ${cause}` : error.message;
  }
  return "unknown error";
}

// action/exchange-step.ts
var STATE = {
  token: "token",
  url: "url",
  expiresAt: "expires-at",
  revoke: "revoke",
  dpopKeyFile: "dpop-key-file"
};

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

// action/runner.ts
import { randomUUID } from "node:crypto";
import { appendFileSync } from "node:fs";
import { EOL } from "node:os";
function escapeData(value) {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function command(name, message) {
  process.stdout.write(`::${name}::${escapeData(message)}${EOL}`);
}
function fileCommand(env, variable, name, value) {
  const path = env[variable];
  if (!path) return false;
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (name.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(`Unexpected input: name or value contains the delimiter ${delimiter}`);
  }
  appendFileSync(path, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, { encoding: "utf8" });
  return true;
}
function runnerCore(env = process.env) {
  let summary = "";
  const writer = {
    addRaw(text, addEOL = false) {
      summary += addEOL ? `${text}${EOL}` : text;
      return writer;
    },
    async write() {
      const path = env.GITHUB_STEP_SUMMARY;
      if (!path) throw new Error("GITHUB_STEP_SUMMARY is not set");
      appendFileSync(path, summary, { encoding: "utf8" });
      summary = "";
      return writer;
    }
  };
  return {
    getInput(name, options) {
      const value = env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "";
      if (options?.required && value === "") throw new Error(`Input required and not supplied: ${name}`);
      return options?.trimWhitespace === false ? value : value.trim();
    },
    setSecret: (secret) => command("add-mask", secret),
    setOutput(name, value) {
      if (!fileCommand(env, "GITHUB_OUTPUT", name, String(value))) {
        process.stdout.write(`${EOL}::set-output name=${name}::${escapeData(String(value))}${EOL}`);
      }
    },
    exportVariable(name, value) {
      env[name] = value;
      if (!fileCommand(env, "GITHUB_ENV", name, value)) command(`set-env name=${name}`, value);
    },
    saveState(name, value) {
      if (!fileCommand(env, "GITHUB_STATE", name, value)) command(`save-state name=${name}`, value);
    },
    getState: (name) => env[`STATE_${name}`] ?? "",
    info: (message) => process.stdout.write(`${message}${EOL}`),
    debug: (message) => command("debug", message),
    warning: (message) => command("warning", message),
    setFailed(message) {
      process.exitCode = 1;
      command("error", message);
    },
    summary: writer
  };
}

// action/secret-files.ts
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
function runnerSecretFiles(env = process.env) {
  return {
    write(name, content) {
      const dir = mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), "downscope-"));
      const path = join(dir, name);
      writeFileSync(path, content, { mode: 384, flag: "wx" });
      return path;
    },
    remove(path) {
      rmSync(join(path, ".."), { recursive: true, force: true });
    }
  };
}

// action/post.ts
await runRevokeStep({
  core: runnerCore(),
  fetch: globalThis.fetch,
  env: process.env,
  clock: systemClock,
  secretFiles: runnerSecretFiles()
});
