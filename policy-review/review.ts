/**
 * The policy-review action (issue 18): on a pull request that changes a downscope policy, check
 * it strictly (annotations on its lines), run its test cases, compare it with the base's
 * policy, write the job summary, and keep one pull-request comment up to date. The CLI's own
 * commands do each part, so the review says exactly what `downscope policy …` says locally.
 */
import { CliError, type CliIo, readInput, shown } from "../cli/io";
import { reportCheck } from "../cli/policy-check";
import { comparePolicyTexts, diffMarkdown, diffText, markdownText, type PolicyComparison } from "../cli/policy-diff";
import { policyTest } from "../cli/policy-test";
import { compilePolicy } from "../policy/policy-text";
import { readBasePolicy } from "./base-policy";
import type { GitHubClient, Repository } from "./github-client";
import { type InputSource, readReviewInputs } from "./inputs";
import { MAX_COMMENT_LENGTH, reviewMarker, upsertReviewComment } from "./pull-request-comment";
import { ReviewError } from "./review-error";
import { readWorkspaceFile } from "./workspace-file";

/** What the review uses of @actions/core. */
export interface ReviewCore extends InputSource {
  setOutput(name: string, value: string): void;
  info(message: string): void;
  warning(message: string, properties?: { title?: string }): void;
  setFailed(message: string): void;
  readonly summary: { addRaw(text: string, addEOL?: boolean): { write(): Promise<unknown> } };
}

export interface ReviewDependencies {
  readonly core: ReviewCore;
  /** Octokit for a token (the github-token input). */
  readonly github: (token: string) => GitHubClient;
  readonly context: {
    readonly repo: Repository;
    readonly payload: {
      readonly pull_request?: { readonly number: number; readonly base?: { readonly sha?: string } };
    };
  };
  /** Reads files and prints (workflow commands included) as the CLI does. */
  readonly io: CliIo;
  /** The repository's checkout: input paths are relative to it. */
  readonly workspace: string;
}

/** The job summary holds at most 1 MiB per step. */
const MAX_SUMMARY_LENGTH = 1_000_000;

export async function runPolicyReview(dependencies: ReviewDependencies): Promise<void> {
  const { core } = dependencies;
  try {
    const failures = await review(dependencies);
    if (failures.length > 0) core.setFailed(`downscope policy review: ${failures.join("; ")}`);
  } catch (error) {
    const known = error instanceof ReviewError || error instanceof CliError;
    core.setFailed(
      `downscope policy review: ${known ? error.message : `unexpected failure: ${error instanceof Error ? error.message : String(error)}`}`,
    );
  }
}

/** Runs the review; returns why the step fails, if it does. */
async function review({ core, github: connect, context, io, workspace }: ReviewDependencies): Promise<string[]> {
  const pullRequest = context.payload.pull_request;
  const { policyPath, testsPath, baseRef, comment, failOnWidening, githubToken } = readReviewInputs(
    core,
    pullRequest?.base?.sha,
  );
  const github = connect(githubToken);

  // Paths as the CLI reads them, relative to the checkout, and never outside it.
  const files: CliIo = { ...io, readFile: (path) => readWorkspaceFile(workspace, path) };
  const headText = readInput(files, policyPath, "the head policy");
  const compiled = compilePolicy(headText);
  const failures: string[] = [];

  // 1. The check, strictly: every problem an annotation on its line (the CLI's own output).
  const checkFailed = reportCheck(files, policyPath, compiled, { strict: true }) !== 0;
  const errors = compiled.ok ? 0 : compiled.problems.length;
  const warnings = compiled.ok ? compiled.warnings.length : 0;
  if (checkFailed) failures.push(`${policyPath} has ${counted(errors, "error")} and ${counted(warnings, "warning")}`);

  // 2. The case file, when there is one and the policy is valid.
  let tests: { passed: boolean; lines: string[] } | undefined;
  if (testsPath && compiled.ok) {
    const lines: string[] = [];
    let code: number;
    try {
      const recording = { ...files, out: (text: string) => void lines.push(text), color: false };
      code = policyTest(recording, policyPath, testsPath, {}, compiled.policy);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      lines.push(error.message);
      code = 1;
    }
    for (const line of lines) core.info(shown(line));
    tests = { passed: code === 0, lines };
    if (code !== 0) failures.push(`the cases in ${testsPath} fail`);
  }

  // 3. The diff against the base's policy.
  let comparison: PolicyComparison | undefined;
  if (compiled.ok) {
    const base = await readBasePolicy(github, context.repo, policyPath, baseRef);
    comparison = comparePolicyTexts(
      { name: `${policyPath} at ${baseRef}`, text: base.found ? base.text : undefined },
      { name: policyPath, text: headText, compiled },
    );
    for (const line of diffText(comparison.diff, comparison.notes)) core.info(line);
    core.setOutput("widens", String(comparison.diff.widens));
    core.setOutput("changes", String(comparison.diff.changes.length));
    if (failOnWidening && comparison.diff.widens) failures.push("the change widens access (fail-on-widening)");
  }

  const body = (maxLength: number) =>
    reviewBody({ policyPath, testsPath, baseRef, errors, warnings, checkFailed, tests, comparison, maxLength });
  try {
    await core.summary.addRaw(body(MAX_SUMMARY_LENGTH), true).write();
  } catch (error) {
    core.warning(`cannot write the job summary: ${error instanceof Error ? error.message : String(error)}`);
  }

  if (comment && pullRequest) {
    const result = await upsertReviewComment(
      github,
      context.repo,
      pullRequest.number,
      reviewMarker(policyPath),
      body(MAX_COMMENT_LENGTH),
    );
    if (result.ok) {
      core.info(`${result.action} the review comment: ${result.url}`);
      core.setOutput("comment-url", result.url);
    } else core.warning(result.problem, { title: "downscope policy review: no comment" });
  } else if (comment) core.info("not a pull request: no comment, the job summary only");
  return failures;
}

interface ReviewFacts {
  readonly policyPath: string;
  readonly testsPath: string | undefined;
  readonly baseRef: string;
  readonly errors: number;
  readonly warnings: number;
  readonly checkFailed: boolean;
  readonly tests: { readonly passed: boolean; readonly lines: readonly string[] } | undefined;
  readonly comparison: PolicyComparison | undefined;
  readonly maxLength: number;
}

/** The comment and the summary: a marker, a table of outcomes, then the diff, within `maxLength`. */
function reviewBody(facts: ReviewFacts): string {
  const code = (text: string) => `<code>${markdownText(text)}</code>`;
  const check = facts.checkFailed
    ? `❌ ${counted(facts.errors, "error")}, ${counted(facts.warnings, "warning")} (strict: warnings fail too); see the annotations`
    : "✅ valid, no warnings";
  const tests =
    facts.testsPath === undefined
      ? "not configured (input tests)"
      : facts.tests === undefined
        ? "not run: the policy is invalid"
        : `${facts.tests.passed ? "✅" : "❌"} ${markdownText(facts.tests.lines.at(-1) ?? "")}`;
  const diff =
    facts.comparison === undefined
      ? "not compared: the policy is invalid"
      : facts.comparison.diff.widens
        ? "🔓 widens access: review each row below"
        : facts.comparison.diff.changes.length === 0
          ? "no change to what the policy grants"
          : "🔒 no widening";
  const head = [
    reviewMarker(facts.policyPath),
    `## downscope policy review of ${code(facts.policyPath)}`,
    "",
    "| | |",
    "|---|---|",
    `| check | ${check} |`,
    `| tests${facts.testsPath ? ` (${code(facts.testsPath)})` : ""} | ${tests} |`,
    `| against ${code(facts.baseRef)} | ${diff} |`,
    "",
  ];
  if (facts.tests && !facts.tests.passed) {
    head.push(
      "<details><summary>test output</summary>",
      "",
      facts.tests.lines.map((line) => markdownText(line)).join("<br>\n"),
      "",
      "</details>",
      "",
    );
  }
  const text = head.join("\n");
  if (!facts.comparison) return text.slice(0, facts.maxLength);
  return `${text}\n${diffMarkdown(facts.comparison.diff, facts.comparison.notes, facts.maxLength - text.length - 1)}`;
}

function counted(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? "" : "s"}`;
}
