/**
 * The runner protocol through @actions/core, as the steps use it: failures become one
 * annotation with a title (setFailed has none), and nothing else changes. Named imports only:
 * @actions/core also carries an HTTP client (for getIDToken, which the action does not use),
 * and scripts/build-action.mjs lets the bundler leave it out.
 */
import {
  debug,
  ExitCode,
  error,
  exportVariable,
  getInput,
  getState,
  info,
  saveState,
  setOutput,
  setSecret,
  summary,
  warning,
} from "@actions/core";
import type { ActionCore } from "./core";

export function actionsCore(title: string): ActionCore {
  return {
    getInput,
    setSecret,
    setOutput,
    exportVariable,
    saveState,
    getState,
    info,
    warning,
    debug,
    summary,
    setFailed(message) {
      process.exitCode = ExitCode.Failure;
      error(message instanceof Error ? message.message : message, { title });
    },
  };
}
