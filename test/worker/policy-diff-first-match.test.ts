/**
 * `policy diff` decides on the policy's behaviour, first match included (policy/first-match.ts):
 * the reproductions of a security review (a short-lived rule moved below a broader one, deleted,
 * or narrowed), and a property test that holds the diff to `evaluatePolicy` itself: whenever the
 * head grants an identity more than the base (a scope set the base refused, or a longer
 * lifetime), the diff must say it widens; and every first-match example it gives is real.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compilePolicyValue } from "../../policy/compile";
import { diffPolicies } from "../../policy/diff";
import { evaluatePolicy } from "../../policy/evaluate";
import type { CompiledPolicy } from "../../policy/types";
import { GITHUB_COM_ISSUER } from "../../protocol/names";

type Rule = Record<string, unknown>;
const SCOPES = ["deploy", "logs", "admin"];

const policyOf = (rules: readonly Rule[]) => ({
  version: 1,
  environments: { staging: { scopes: SCOPES, ttl: "1m", max_ttl: "1h", rules } },
});

function compiled(value: unknown): CompiledPolicy {
  const result = compilePolicyValue(value);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.policy;
}

const SHORT: Rule = { name: "short", repository_id: 1, ref: "refs/heads/main", max_ttl: "5m" };
const BROAD: Rule = { name: "broad", repository_id: 1, ref: "refs/heads/*" };

describe("policy diff, first match", () => {
  it("says a short-lived rule moved below a broader one widens, with the job and the lifetimes", () => {
    const diff = diffPolicies(policyOf([SHORT, BROAD]), policyOf([BROAD, SHORT]));
    expect(diff.widens).toBe(true);
    expect(diff.changes).toEqual([
      {
        path: "environments.staging.rules",
        effect: "widens",
        reasons: [
          'first match: a job with repository_id="1", ref="refs/heads/main" asking for admin deploy logs now gets up to 3600 s under "broad" (before: up to 300 s under "short")',
        ],
      },
    ]);
    // The request shown is the smallest that tells the rules apart: here both allow every scope.
    // The other way round nothing widens: main's jobs get less, others what they had.
    expect(diffPolicies(policyOf([BROAD, SHORT]), policyOf([SHORT, BROAD])).widens).toBe(false);
  });

  it("says deleting or narrowing the short-lived rule widens, though each edit narrows the rule itself", () => {
    const deleted = diffPolicies(policyOf([SHORT, BROAD]), policyOf([BROAD]));
    expect(deleted.widens).toBe(true);
    expect(deleted.changes.map((change) => change.effect)).toEqual(["narrows", "widens"]);
    const narrowed = diffPolicies(policyOf([SHORT, BROAD]), policyOf([{ ...SHORT, ref: "refs/heads/release" }, BROAD]));
    expect(narrowed.widens).toBe(true);
    expect(narrowed.changes.find((change) => change.path === "environments.staging.rules")?.reasons[0]).toContain(
      'now gets up to 3600 s under "broad" (before: up to 300 s under "short")',
    );
  });

  it("sees a rule with fewer scopes stop shadowing a longer-lived one for those scopes", () => {
    const logsOnly: Rule = { name: "logs", repository_id: 1, scopes: ["logs"], max_ttl: "2m" };
    const all: Rule = { name: "all", repository_id: 1, max_ttl: "10m" };
    const diff = diffPolicies(policyOf([logsOnly, all]), policyOf([all, logsOnly]));
    expect(diff.changes[0]?.reasons[0]).toContain(
      'asking for logs now gets up to 600 s under "all" (before: up to 120 s under "logs")',
    );
    // A scope set no single base rule allowed is a widening too.
    const split = [
      { name: "d", repository_id: 1, scopes: ["deploy"] },
      { name: "l", repository_id: 1, scopes: ["logs"] },
    ];
    const joined = diffPolicies(
      policyOf(split),
      policyOf([{ name: "d", repository_id: 1, scopes: ["deploy", "logs"] }, split[1]]),
    );
    expect(joined.widens).toBe(true);
  });

  it("finds nothing when rules only move where they cannot overlap, or keep their order", () => {
    const other: Rule = { name: "other", repository_id: 2 };
    expect(diffPolicies(policyOf([SHORT, other, BROAD]), policyOf([other, SHORT, BROAD])).changes).toEqual([]);
    expect(diffPolicies(policyOf([SHORT, BROAD]), policyOf([SHORT, other, BROAD])).changes).toEqual([
      { path: 'environments.staging.rules["other"]', effect: "widens", reasons: ["a new rule"] },
    ]);
  });

  // Small vocabularies, so rules overlap often and identities hit every region.
  const REFS = ["refs/heads/main", "refs/heads/*", "refs/**", "refs/tags/*"];
  const rule = (name: string) =>
    fc
      .record(
        {
          repository_id: fc.constantFrom(1, 2),
          ref: fc.subarray(REFS, { minLength: 1, maxLength: 2 }),
          environment: fc.constantFrom("staging", "prod*"),
          event: fc.constantFrom("push", "*", ["push", "pull_request_target"]),
          scopes: fc.subarray(SCOPES, { minLength: 1 }),
          max_ttl: fc.constantFrom("1m", "5m", "30m", "1h"),
        },
        { requiredKeys: ["repository_id"] },
      )
      .map((fields) => ({ name, ...fields }) as Rule);
  const rules = fc
    .integer({ min: 1, max: 4 })
    .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => rule(`r${i}`))));
  /** An edit that no rule-by-rule comparison would call widening on its own. */
  const edit = (base: Rule[]) =>
    fc.oneof(
      fc.nat(base.length - 1).map((i) => (base.length > 1 ? base.toSpliced(i, 1) : base)),
      fc.nat(base.length - 1).map((i) => {
        const j = (i + 1) % base.length;
        const out = [...base];
        [out[i], out[j]] = [out[j], out[i]];
        return out;
      }),
      fc.tuple(fc.nat(base.length - 1), fc.constantFrom(...REFS)).map(([i, ref]) => base.with(i, { ...base[i], ref })),
      fc
        .tuple(fc.nat(base.length - 1), fc.constantFrom("1m", "5m"))
        .map(([i, ttl]) => base.with(i, { ...base[i], max_ttl: ttl })),
      rules,
    );
  const identity = fc.record({
    repository_id: fc.constantFrom("1", "2", "3"),
    ref: fc.constantFrom("refs/heads/main", "refs/heads/dev", "refs/heads/a/b", "refs/tags/v1", "refs/pull/1/merge"),
    environment: fc.constantFrom("staging", "prod", "production", undefined),
    event_name: fc.constantFrom("push", "pull_request_target", "workflow_dispatch"),
  });
  const requests = [1, 2, 3, 4, 5, 6, 7].map((mask) => SCOPES.filter((_, i) => mask & (1 << i)));

  it("never misses what explain would grant more (fast-check against evaluatePolicy)", () => {
    fc.assert(
      fc.property(
        rules.chain((base) => fc.tuple(fc.constant(base), edit(base))),
        fc.array(identity, { minLength: 10, maxLength: 10 }),
        ([base, head], identities) => {
          const before = compiled(policyOf(base));
          const after = compiled(policyOf(head));
          const diff = diffPolicies(policyOf(base), policyOf(head));
          for (const partial of identities) {
            const claims = { iss: GITHUB_COM_ISSUER, ...partial };
            for (const scopes of requests) {
              const request = { environment: "staging", scopes, ttl: 3600 };
              const now = evaluatePolicy(after, claims, request);
              const then = evaluatePolicy(before, claims, request);
              if (now.allowed && (!then.allowed || now.ttl > then.ttl)) {
                expect(diff.widens, JSON.stringify({ base, head, claims, scopes, diff })).toBe(true);
              }
            }
          }
          // Every example the diff gives is one explain confirms.
          for (const change of diff.changes.filter((c) => c.path === "environments.staging.rules")) {
            for (const reason of change.reasons) {
              const [, who, asking] = /a job with (.*) asking for (.*) now gets/.exec(reason) ?? [];
              const claims: Record<string, string> = { iss: GITHUB_COM_ISSUER };
              for (const [, claim, value] of who.matchAll(/(\w+)=("(?:[^"\\]|\\.)*")/g))
                claims[claim] = JSON.parse(value);
              const request = { environment: "staging", scopes: asking.split(" "), ttl: 3600 };
              const now = evaluatePolicy(after, claims, request);
              const then = evaluatePolicy(before, claims, request);
              expect(now.allowed && (!then.allowed || now.ttl > then.ttl), reason).toBe(true);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
