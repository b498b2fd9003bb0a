/**
 * The runner side of `ActionCore`: GitHub's workflow commands (`::add-mask::`, `::error::` …
 * on stdout) and file commands (GITHUB_OUTPUT, GITHUB_ENV, GITHUB_STATE, GITHUB_STEP_SUMMARY),
 * as @actions/core implements them. Written out here because the whole protocol is this page,
 * while the library brings an HTTP client with it and triples the action's start-up time.
 */
import { randomUUID } from "node:crypto";
import { appendFileSync } from "node:fs";
import { EOL } from "node:os";
import type { ActionCore, SummaryWriter } from "./core";

type Env = NodeJS.ProcessEnv;

/** Workflow-command data escaping: a value can never end the command or start another. */
export function escapeData(value: string): string {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function command(name: string, message: string): void {
  process.stdout.write(`::${name}::${escapeData(message)}${EOL}`);
}

/** Appends `name<<delimiter` … to a file command, as the runner expects. */
function fileCommand(env: Env, variable: string, name: string, value: string): boolean {
  const path = env[variable];
  if (!path) return false;
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (name.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(`Unexpected input: name or value contains the delimiter ${delimiter}`);
  }
  appendFileSync(path, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, { encoding: "utf8" });
  return true;
}

export function runnerCore(env: Env = process.env): ActionCore {
  let summary = "";
  const writer: SummaryWriter = {
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
    },
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
    summary: writer,
  };
}
