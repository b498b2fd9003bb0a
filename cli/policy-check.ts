/** `downscope policy check FILE`: parse, validate and lint, the way the service loads a policy. */
import type { CompileResult } from "../policy/compile";
import { compilePolicy } from "../policy/policy-text";
import type { Problem } from "../policy/problems";
import { type CliIo, painter, readInput, shown } from "./io";

export interface CheckOptions {
  readonly json?: boolean;
  readonly strict?: boolean;
}

export function policyCheck(io: CliIo, file: string, options: CheckOptions): number {
  return reportCheck(io, file, compilePolicy(readInput(io, file, "the policy")), options);
}

/**
 * Prints a compile result as `check` does (text, annotations inside Actions, or JSON) through
 * `io.out`; `policy build` passes an `io` whose `out` is stderr when stdout carries the policy.
 * Returns the exit code: 1 on errors, or on warnings with `strict`.
 */
export function reportCheck(io: CliIo, file: string, result: CompileResult, options: CheckOptions): number {
  const errors = result.ok ? [] : inFileOrder(result.problems);
  const warnings = result.ok ? inFileOrder(result.warnings) : [];
  const failed = errors.length > 0 || (options.strict === true && warnings.length > 0);

  if (options.json) {
    io.out(JSON.stringify({ file, valid: errors.length === 0, errors, warnings }, null, 2));
  } else if (io.env.GITHUB_ACTIONS === "true") {
    for (const problem of [...errors, ...warnings]) io.out(annotation(file, problem, options.strict === true));
    io.out(summary(file, errors.length, warnings.length));
  } else {
    const paint = painter(io);
    for (const problem of [...errors, ...warnings]) {
      const where = `${file}:${problem.line ?? 1}:${problem.column ?? 1}`;
      const label = problem.severity === "error" ? paint("red", "error") : paint("yellow", "warning");
      io.out(
        `${paint("bold", shown(where))} ${label} ${problem.path === "" ? "" : `${paint("cyan", shown(problem.path))}: `}${shown(problem.message)}`,
      );
    }
    io.out(
      failed
        ? paint("red", summary(file, errors.length, warnings.length))
        : paint("green", summary(file, errors.length, warnings.length)),
    );
  }
  return failed ? 1 : 0;
}

function inFileOrder(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

function summary(file: string, errors: number, warnings: number): string {
  const counts = `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
  return errors === 0
    ? `${file}: valid (${counts})`
    : `${file}: invalid (${counts}); the service would refuse to issue any token with it`;
}

/** A GitHub Actions workflow command, so problems show on the pull request's lines. */
function annotation(file: string, problem: Problem, strict: boolean): string {
  const level = problem.severity === "error" || strict ? "error" : "warning";
  const props = [
    `file=${escapeProperty(file)}`,
    `line=${problem.line ?? 1}`,
    `col=${problem.column ?? 1}`,
    "title=downscope policy",
  ];
  const message = `${problem.path === "" ? "" : `${problem.path}: `}${problem.message}`;
  return `::${level} ${props.join(",")}::${escapeData(message)}`;
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** Workflow-command data escaping, as the runner reads it: a value can never end the command or start another. */
function escapeData(value: string): string {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
