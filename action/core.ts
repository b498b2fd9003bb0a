/**
 * What the action's steps need from the runner, as plain interfaces: `@actions/core` fits them,
 * and so do the fakes in tests, so no step needs a runner to be tested.
 */
export interface ActionCore {
  getInput(name: string, options?: { required?: boolean; trimWhitespace?: boolean }): string;
  setSecret(secret: string): void;
  setOutput(name: string, value: string | number): void;
  exportVariable(name: string, value: string): void;
  saveState(name: string, value: string): void;
  getState(name: string): string;
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
  setFailed(message: string): void;
  summary: SummaryWriter;
}

export interface SummaryWriter {
  addRaw(text: string, addEOL?: boolean): SummaryWriter;
  write(): Promise<unknown>;
}

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  sleep(ms: number): Promise<void>;
  /** In [0, 1), for jitter. */
  random(): number;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
};

export interface StepDependencies {
  readonly core: ActionCore;
  readonly fetch: typeof fetch;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly clock: Clock;
  /** Where the DPoP key is kept for later steps: owner-only files in the runner's temp folder. */
  readonly secretFiles?: SecretFiles;
}

export interface SecretFiles {
  /** Writes `content` to a new file only the job's user can read; returns its path. */
  write(name: string, content: string): string;
  remove(path: string): void;
}

/** An error whose message is written for the workflow's author: shown as is, then the job fails. */
export class ActionError extends Error {
  override name = "ActionError";
}
