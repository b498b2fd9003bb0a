/**
 * `downscope policy test FILE CASES`: a table of cases run against the policy, so admins keep
 * their rules under test in their own CI. Exit 1 with a clear difference on any failure.
 */
import { readPolicyDocument } from "../policy/document";
import { type Decision, evaluatePolicy } from "../policy/evaluate";
import { formatProblem } from "../policy/problems";
import type { CompiledPolicy } from "../policy/types";
import { parseDuration } from "../protocol/duration";
import { withIssuer } from "./claims-input";
import { CliError, type CliIo, painter, readInput, shown } from "./io";
import { describeDecision, explainRules, loadPolicy } from "./policy-explain";
import { accessRequest } from "./request-options";

interface Expectation {
  readonly decision: "allow" | "deny";
  readonly rule?: string;
  readonly scopes?: readonly string[];
  readonly ttl?: number;
  readonly error?: string;
  readonly reason?: string;
  readonly failed?: readonly string[];
}

interface TestCase {
  readonly name: string;
  readonly claims: Record<string, unknown>;
  readonly request: Record<string, unknown>;
  readonly expect: Expectation;
}

const CASE_KEYS = ["name", "claims", "request", "expect"];
const EXPECT_KEYS = ["decision", "rule", "scopes", "ttl", "error", "reason", "failed"];
const REQUEST_KEYS = ["environment", "scope", "ttl"];

/** `policy` spares compiling `file` again when the caller (the policy-review action) already has. */
export function policyTest(
  io: CliIo,
  file: string,
  casesFile: string,
  options: { json?: boolean },
  policy: CompiledPolicy = loadPolicy(io, file),
): number {
  const cases = readCases(io, casesFile);
  const results = cases.map((testCase, index) => {
    const request = accessRequest(testCase.request, `cases[${index}].request`);
    const decision = evaluatePolicy(policy, testCase.claims, request);
    const failedConditions = explainRules(policy, testCase.claims, request)
      .filter((rule) => rule.covers)
      .flatMap((rule) =>
        rule.conditions.filter((condition) => !condition.held).map((condition) => condition.condition),
      );
    return { name: testCase.name, differences: compare(testCase.expect, decision, failedConditions), decision };
  });
  const failures = results.filter((result) => result.differences.length > 0);

  if (options.json) {
    io.out(
      JSON.stringify(
        {
          passed: results.length - failures.length,
          failed: failures.length,
          cases: results.map(({ name, differences }) => ({ name, passed: differences.length === 0, differences })),
        },
        null,
        2,
      ),
    );
  } else {
    const paint = painter(io);
    for (const result of results) {
      io.out(`${result.differences.length === 0 ? paint("green", "✓") : paint("red", "✗")} ${shown(result.name)}`);
      for (const difference of result.differences) io.out(paint("red", `    ${shown(difference)}`));
      if (result.differences.length > 0)
        io.out(paint("dim", `    actual decision: ${shown(describeDecision(result.decision))}`));
    }
    const line = `${results.length} case${results.length === 1 ? "" : "s"}: ${results.length - failures.length} passed, ${failures.length} failed`;
    io.out(failures.length === 0 ? paint("green", line) : paint("red", line));
  }
  return failures.length === 0 ? 0 : 1;
}

function compare(expected: Expectation, decision: Decision, failedConditions: string[]): string[] {
  const differences: string[] = [];
  const actual = decision.allowed ? "allow" : "deny";
  if (expected.decision !== actual) differences.push(`decision: expected ${expected.decision}, got ${actual}`);
  if (decision.allowed) {
    if (expected.rule !== undefined && expected.rule !== decision.rule.label) {
      differences.push(`rule: expected "${expected.rule}", got "${decision.rule.label}"`);
    }
    if (
      expected.scopes !== undefined &&
      [...expected.scopes].sort().join(" ") !== [...decision.scopes].sort().join(" ")
    ) {
      differences.push(
        `scopes: expected ${expected.scopes.join(" ") || "(none)"}, got ${decision.scopes.join(" ") || "(none)"}`,
      );
    }
    if (expected.ttl !== undefined && expected.ttl !== decision.ttl)
      differences.push(`ttl: expected ${expected.ttl} s, got ${decision.ttl} s`);
  } else {
    if (expected.error !== undefined && expected.error !== decision.error)
      differences.push(`error: expected ${expected.error}, got ${decision.error}`);
    if (expected.reason !== undefined && expected.reason !== decision.reason)
      differences.push(`reason: expected ${expected.reason}, got ${decision.reason}`);
    if (
      expected.failed !== undefined &&
      [...expected.failed].sort().join(",") !== [...new Set(failedConditions)].sort().join(",")
    ) {
      differences.push(
        `failed conditions: expected ${expected.failed.join(", ") || "(none)"}, got ${[...new Set(failedConditions)].join(", ") || "(none)"}`,
      );
    }
  }
  return differences;
}

function readCases(io: CliIo, file: string): TestCase[] {
  const read = readPolicyDocument(readInput(io, file, "the test cases"));
  if (!read.ok) throw new CliError(`${file}: ${read.problems.map(formatProblem).join("; ")}`, 2);
  const top = read.document.value as Record<string, unknown> | null;
  const fail = (path: string, message: string): never => {
    const at = read.document.locate(path);
    throw new CliError(`${file}${at ? `:${at.line}:${at.column}` : ""}: ${path}: ${message}`, 2);
  };
  if (top === null || typeof top !== "object" || Array.isArray(top))
    return fail("", "must be a mapping with cases: [...]");
  for (const key of Object.keys(top))
    if (key !== "cases" && key !== "defaults") fail(key, "unknown key (expected defaults, cases)");
  const defaults = (top.defaults ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(defaults))
    if (key !== "claims") fail(`defaults.${key}`, "unknown key (expected claims)");
  const baseClaims = objectAt(defaults.claims ?? {}, "defaults.claims", fail);
  if (!Array.isArray(top.cases) || top.cases.length === 0) return fail("cases", "must be a non-empty list");
  return top.cases.map((raw, index) => {
    const path = `cases[${index}]`;
    const item = objectAt(raw, path, fail);
    for (const key of Object.keys(item))
      if (!CASE_KEYS.includes(key)) fail(`${path}.${key}`, `unknown key (expected ${CASE_KEYS.join(", ")})`);
    const expect = objectAt(item.expect, `${path}.expect`, fail);
    for (const key of Object.keys(expect))
      if (!EXPECT_KEYS.includes(key)) fail(`${path}.expect.${key}`, `unknown key (expected ${EXPECT_KEYS.join(", ")})`);
    if (expect.decision !== "allow" && expect.decision !== "deny")
      fail(`${path}.expect.decision`, 'must be "allow" or "deny"');
    const request = objectAt(item.request ?? {}, `${path}.request`, fail);
    for (const key of Object.keys(request))
      if (!REQUEST_KEYS.includes(key))
        fail(`${path}.request.${key}`, `unknown key (expected ${REQUEST_KEYS.join(", ")})`);
    let ttl: number | undefined;
    if (expect.ttl !== undefined) ttl = parseDuration(expect.ttl) ?? fail(`${path}.expect.ttl`, "must be a duration");
    return {
      name: typeof item.name === "string" ? item.name : `case ${index + 1}`,
      claims: withIssuer({ ...baseClaims, ...objectAt(item.claims ?? {}, `${path}.claims`, fail) }),
      request,
      expect: { ...(expect as unknown as Expectation), ...(ttl !== undefined ? { ttl } : {}) },
    };
  });
}

function objectAt(
  value: unknown,
  path: string,
  fail: (path: string, message: string) => never,
): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return fail(path, "must be a mapping");
  return value as Record<string, unknown>;
}
