/** The conditions a rule can state, each reading one named claim (docs/policy.md, "Matching"). */
import { asciiLower, compileGlob, type Glob, type GlobOptions } from "./glob";
import type { Claims, Condition, ConditionResult } from "./types";

/**
 * Events that run with the base branch's ref but may execute a pull request's code: they
 * never match unless a rule's `event` names them literally, so `event: "*"` does not open them.
 */
export const UNTRUSTED_CODE_EVENTS: ReadonlySet<string> = new Set([
  "pull_request_target",
  "workflow_run",
  "issue_comment",
]);

function claimString(claims: Claims, claim: string): string | null {
  const value = claims[claim];
  return typeof value === "string" ? value : null;
}

function result(
  condition: string,
  held: boolean,
  expected: readonly string[],
  actual: string | null,
  note?: string,
): ConditionResult {
  return note === undefined ? { condition, held, expected, actual } : { condition, held, expected, actual, note };
}

/** Any of `patterns` must match the claim; an absent or non-string claim never holds. */
export function patternCondition(
  name: string,
  claim: string,
  patterns: readonly string[],
  options: GlobOptions = {},
): Condition {
  const globs = patterns.map((pattern) => compileGlob(pattern, options));
  return {
    name,
    claim,
    language: { kind: "globs", patterns, options },
    test(claims) {
      const actual = claimString(claims, claim);
      const held = actual !== null && globs.some((glob) => glob.matches(actual));
      return result(name, held, patterns, actual);
    },
  };
}

/** Exact comparison with one of `values` (ids, enumerations). */
export function exactCondition(name: string, claim: string, values: readonly string[]): Condition {
  return {
    name,
    claim,
    language: { kind: "values", values },
    test(claims) {
      const actual = claimString(claims, claim);
      return result(name, actual !== null && values.includes(actual), values, actual);
    },
  };
}

/** `repository: owner/name-pattern`: the owner literal, both parts ASCII-case-insensitive. */
export function repositoryCondition(source: string, owner: string, name: Glob): Condition {
  return {
    name: "repository",
    claim: "repository",
    // The owner is literal and the name a glob without `/`: as one case-insensitive glob, the same language.
    language: { kind: "globs", patterns: [source], options: { caseInsensitive: true } },
    test(claims) {
      const actual = claimString(claims, "repository");
      return result("repository", actual !== null && repositoryMatches(owner, name, actual), [source], actual);
    },
  };
}

export function repositoryMatches(owner: string, name: Glob, repository: string): boolean {
  const slash = repository.indexOf("/");
  if (slash <= 0) return false;
  return asciiLower(repository.slice(0, slash)) === owner && name.matches(repository.slice(slash + 1));
}

/**
 * `event`: any pattern may match an ordinary event; an untrusted-code event must be named
 * literally. A rule without `event` gets this guard with no patterns, so those events stay shut.
 */
export function eventCondition(patterns: readonly string[] | undefined): Condition {
  const globs = (patterns ?? []).map((pattern) => compileGlob(pattern));
  const expected = patterns ?? [];
  return {
    name: "event",
    claim: "event_name",
    language: { kind: "events", patterns },
    test(claims) {
      const actual = claimString(claims, "event_name");
      if (actual === null) return result("event", patterns === undefined, expected, actual);
      if (UNTRUSTED_CODE_EVENTS.has(actual)) {
        const named = expected.includes(actual);
        return result(
          "event",
          named,
          expected,
          actual,
          named ? undefined : `${actual} may run a pull request's code: a rule must name it literally in event`,
        );
      }
      const held = patterns === undefined || globs.some((glob) => glob.matches(actual));
      return result("event", held, expected, actual);
    },
  };
}
