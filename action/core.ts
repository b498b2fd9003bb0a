/**
 * What the action's steps need from the runner: a part of `@actions/core` (the library every
 * Actions user and reviewer knows), so main.ts hands in the real one and tests a recording fake.
 */
import type * as actionsCore from "@actions/core";

export type ActionCore = Pick<
  typeof actionsCore,
  | "getInput"
  | "setSecret"
  | "setOutput"
  | "exportVariable"
  | "saveState"
  | "getState"
  | "info"
  | "warning"
  | "debug"
  | "setFailed"
> & { readonly summary: SummaryWriter };

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
  /**
   * The CLI bundled with the action (dist/cli.js beside dist/main.js), set as the `cli` output:
   * later steps run the code pinned by `uses:` instead of fetching a package by name.
   */
  readonly cliPath?: string;
}

export interface SecretFiles {
  /** Writes `content` to a new file only the job's user can read; returns its path. */
  write(name: string, content: string): string;
  /** Reads a small secret file an earlier step wrote (a DPoP key); throws when it cannot. */
  read(path: string): string;
  remove(path: string): void;
}

/** An error whose message is written for the workflow's author: shown as is, then the job fails. */
export class ActionError extends Error {
  override name = "ActionError";
}
