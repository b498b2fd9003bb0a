/** The policy-review action's inputs: what action.yml declares is what the code reads, and bad values are refused. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readReviewInputs } from "../../policy-review/inputs";

const source = (inputs: Record<string, string>, asked: string[] = []) => ({
  getInput: (name: string) => {
    asked.push(name);
    return inputs[name] ?? "";
  },
  getBooleanInput: (name: string) => {
    asked.push(name);
    const value = inputs[name] ?? "";
    if (value === "true" || value === "false") return value === "true";
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}`);
  },
});
const DEFAULTS = { policy: "policy.yml", comment: "true", "fail-on-widening": "false", "github-token": "t" };

describe("policy-review inputs", () => {
  it("declares exactly the inputs the action reads", () => {
    const declared = Object.keys(
      (parse(readFileSync("policy-review/action.yml", "utf8")) as { inputs: object }).inputs,
    );
    const asked: string[] = [];
    readReviewInputs(source({ ...DEFAULTS, tests: "policy.test.yml", "base-ref": "main" }, asked), undefined);
    expect([...new Set(asked)].sort()).toEqual(declared.sort());
  });

  it("is used in the example workflow with inputs it declares", () => {
    const declared = Object.keys(
      (parse(readFileSync("policy-review/action.yml", "utf8")) as { inputs: object }).inputs,
    );
    const workflow = parse(readFileSync("examples/workflows/policy.yml", "utf8")) as {
      jobs: Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }>;
    };
    const steps = Object.values(workflow.jobs)
      .flatMap((job) => job.steps)
      .filter((step) => step.uses?.includes("/downscope/policy-review@"));
    expect(steps).toHaveLength(1);
    for (const step of steps) expect(declared).toEqual(expect.arrayContaining(Object.keys(step.with ?? {})));
  });

  it("reads paths relative to the repository, and the base from the pull request unless given", () => {
    expect(readReviewInputs(source({ ...DEFAULTS, policy: "./downscope//policy.yml" }), "abc123")).toEqual({
      policyPath: "downscope/policy.yml",
      testsPath: undefined,
      baseRef: "abc123",
      comment: true,
      failOnWidening: false,
      githubToken: "t",
    });
    expect(readReviewInputs(source({ ...DEFAULTS, "base-ref": "release/v2" }), "abc123").baseRef).toBe("release/v2");
  });

  it("refuses paths outside the repository, odd refs and non-boolean flags, naming the input", () => {
    const refused = (inputs: Record<string, string>, sha?: string) => {
      try {
        readReviewInputs(source({ ...DEFAULTS, ...inputs }), sha ?? "abc123");
        return "accepted";
      } catch (error) {
        return (error as Error).message;
      }
    };
    for (const path of ["/etc/passwd", "../secrets.yml", "a/../../b.yml", ".", "a\\b.yml", "a\u001b[2Jb.yml"]) {
      expect(refused({ policy: path })).toMatch(/^the policy input ".*" must be a file path inside the repository/);
    }
    expect(refused({ tests: "../cases.yml" })).toMatch(/^the tests input/);
    expect(refused({ "base-ref": "-x" })).toBe('the base-ref input "-x" is not a branch or commit');
    expect(refused({ "base-ref": "main\n::add-mask::x" })).toBe(
      'the base-ref input "main\\u000a:\u200b:add-mask:\u200b:x" is not a branch or commit',
    );
    expect(refused({ "fail-on-widening": "1" })).toBe('the fail-on-widening input must be true or false, not "1"');
    expect(refused({}, "")).toMatch(/^this is not a pull_request event/);
  });
});
