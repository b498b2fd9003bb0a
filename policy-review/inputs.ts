/** The policy-review action's inputs (policy-review/action.yml), checked before anything runs. */
import { posix } from "node:path";
import { shown } from "../cli/io";
import { CONTROL_CHARACTER } from "../protocol/printable";
import { ReviewError } from "./review-error";

export interface ReviewInputs {
  /** Relative to the repository's root, as the checkout and the contents API both name it. */
  readonly policyPath: string;
  readonly testsPath: string | undefined;
  /** The commit or branch the policy is compared with. */
  readonly baseRef: string;
  readonly comment: boolean;
  readonly failOnWidening: boolean;
  readonly githubToken: string;
}

export interface InputSource {
  getInput(name: string, options?: { required?: boolean }): string;
  getBooleanInput(name: string): boolean;
}

const GIT_REF = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,254}$/;

/** `baseSha` is the pull request's base commit, when the event is a pull request. */
export function readReviewInputs(core: InputSource, baseSha: string | undefined): ReviewInputs {
  const policyPath = repositoryPath(core.getInput("policy", { required: true }), "policy");
  const tests = core.getInput("tests");
  const baseRef = core.getInput("base-ref") || baseSha || "";
  if (baseRef === "") {
    throw new ReviewError(
      "this is not a pull_request event, so there is no base to compare with: set the base-ref input (a branch or commit)",
    );
  }
  if (!GIT_REF.test(baseRef)) throw new ReviewError(`the base-ref input "${shown(baseRef)}" is not a branch or commit`);
  return {
    policyPath,
    testsPath: tests === "" ? undefined : repositoryPath(tests, "tests"),
    baseRef,
    comment: booleanInput(core, "comment"),
    failOnWidening: booleanInput(core, "fail-on-widening"),
    githubToken: core.getInput("github-token", { required: true }),
  };
}

function booleanInput(core: InputSource, name: string): boolean {
  try {
    return core.getBooleanInput(name);
  } catch {
    throw new ReviewError(`the ${name} input must be true or false, not "${shown(core.getInput(name))}"`);
  }
}

/** A path inside the repository, relative to its root; nothing outside it, nothing odd in it. */
function repositoryPath(value: string, input: string): string {
  const path = posix.normalize(value.trim());
  if (
    path === "." ||
    path.startsWith("/") ||
    path === ".." ||
    path.startsWith("../") ||
    value.includes("\\") ||
    CONTROL_CHARACTER.test(value)
  ) {
    throw new ReviewError(
      `the ${input} input "${shown(value)}" must be a file path inside the repository, relative to its root (e.g. downscope/policy.yml)`,
    );
  }
  return path;
}
