import { describe, expect, it } from "vitest";
import { type AccessRequest, evaluatePolicy } from "../../policy/evaluate";
import { compilePolicy } from "../../policy/policy-text";
import type { CompiledPolicy } from "../../policy/types";
import { githubClaims } from "../../scripts/fake-github.mjs";
import { POLICY } from "../support/service";

function compile(text: string): CompiledPolicy {
  const result = compilePolicy(text);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.policy;
}

const policy = compile(POLICY);

function decide(claims: Record<string, unknown> = {}, request: AccessRequest = {}, against = policy) {
  return evaluatePolicy(against, githubClaims(claims), request);
}

/** The failed conditions of the first covering rule, by name. */
function failed(claims: Record<string, unknown>, request: AccessRequest = {}, against = policy) {
  const decision = decide(claims, request, against);
  if (decision.allowed) return [];
  return decision.denial?.rules[0]?.failed.map((condition) => condition.condition) ?? [];
}

describe("policy evaluation: conditions", () => {
  it("allows the identity the rule describes", () => {
    const decision = decide();
    expect(decision).toMatchObject({ allowed: true, scopes: ["deploy:write"], ttl: 600 });
    if (decision.allowed) expect(decision.rule.label).toBe("web deploys from main");
  });

  it.each([
    ["owner_id", { repository_owner_id: "1" }, "owner_id"],
    ["ref", { ref: "refs/heads/main-x" }, "ref"],
    ["ref glob * does not cross /", { ref: "refs/heads/release/a/b" }, "ref"],
    ["ref_type", { ref_type: "tag" }, "ref_type"],
    ["environment", { environment: "production" }, "environment"],
    ["workflow", { job_workflow_ref: "acme/web/.github/workflows/other.yml@refs/heads/main" }, "workflow"],
    ["event", { event_name: "pull_request" }, "event"],
    ["runner", { runner_environment: "self-hosted" }, "runner"],
    ["claims.actor", { actor: "mallory" }, "claims.actor"],
  ])("denies when %s does not hold, naming only that condition", (_name, claims, condition) => {
    expect(failed(claims, { environment: "staging" })).toEqual([condition]);
  });

  it("matches any item of a list", () => {
    expect(decide({ ref: "refs/heads/release/2.0" }).allowed).toBe(true);
    expect(decide({ event_name: "workflow_dispatch" }).allowed).toBe(true);
  });

  it("treats an absent claim as not holding, and says so with a null actual value", () => {
    const claims = githubClaims();
    delete claims.actor;
    const decision = evaluatePolicy(policy, claims, {});
    expect(decision.allowed).toBe(false);
    if (!decision.allowed) {
      expect(decision.denial?.rules[0].failed).toEqual([
        { condition: "claims.actor", expected: ["octocat"], actual: null },
      ]);
    }
  });

  it("explains a denial with expected and actual values", () => {
    const decision = decide({ ref: "refs/heads/feature", actor: "mallory" });
    expect(decision).toMatchObject({ allowed: false, error: "invalid_target", reason: "no_rule_matched" });
    if (!decision.allowed) {
      expect(decision.denial).toEqual({
        environment: "staging",
        issuer: "https://token.actions.githubusercontent.com",
        repository: "acme/web",
        repository_id: "123456",
        covered: true,
        rules: [
          {
            rule: "web deploys from main",
            failed: [
              { condition: "ref", expected: ["refs/heads/main", "refs/heads/release/*"], actual: "refs/heads/feature" },
              { condition: "claims.actor", expected: ["octocat"], actual: "mallory" },
            ],
          },
        ],
      });
    }
  });

  it("names nothing about other repositories' rules", () => {
    const decision = decide({ repository: "initech/tps", repository_id: "42", repository_owner_id: "43" });
    expect(decision.allowed).toBe(false);
    if (!decision.allowed) {
      expect(decision.denial).toEqual({
        environment: "staging",
        issuer: "https://token.actions.githubusercontent.com",
        repository: "initech/tps",
        repository_id: "42",
        covered: false,
        rules: [],
      });
      expect(JSON.stringify(decision.denial)).not.toMatch(/globex|acme|octocat/);
    }
  });
});

describe("policy evaluation: repository identity and case", () => {
  it("allows a renamed repository with the same id", () => {
    expect(decide({ repository: "acme/web-renamed" }).allowed).toBe(true);
  });

  it("denies a re-created namesake with a new id", () => {
    const decision = decide({ repository_id: "999999" });
    expect(decision.allowed).toBe(false);
    if (!decision.allowed) expect(decision.denial?.covered).toBe(false);
  });

  it("compares repository names and owners case-insensitively when no id pins them", () => {
    const byName = compile(`version: 1
environments:
  staging:
    scopes: [x]
    rules:
      - repository: Acme/Web
        ref: refs/heads/main
`);
    expect(decide({ repository: "acme/WEB" }, {}, byName).allowed).toBe(true);
    expect(decide({ repository: "ACME/web" }, {}, byName).allowed).toBe(true);
    expect(decide({ repository: "acme/web2" }, {}, byName).allowed).toBe(false);
  });

  it("matches wildcard repository names within the literal owner only", () => {
    const wildcard = compile(`version: 1
environments:
  staging:
    scopes: [x]
    rules:
      - repository: acme/svc-*
`);
    expect(decide({ repository: "acme/svc-api" }, {}, wildcard).allowed).toBe(true);
    expect(decide({ repository: "ACME/SVC-api" }, {}, wildcard).allowed).toBe(true);
    expect(decide({ repository: "acme-evil/svc-api" }, {}, wildcard).allowed).toBe(false);
    expect(decide({ repository: "acme/web" }, {}, wildcard).allowed).toBe(false);
  });

  it("compares the environment claim and the target name case-insensitively, other claims exactly", () => {
    expect(decide({ environment: "STAGING" }).allowed).toBe(true);
    expect(decide({}, { environment: "Staging" })).toMatchObject({ allowed: true });
    expect(decide({ ref: "refs/heads/MAIN" }).allowed).toBe(false);
    expect(decide({ actor: "OctoCat" }).allowed).toBe(false);
  });

  it("covers owner-wide rules by owner id", () => {
    const owner = compile(`version: 1
environments:
  staging:
    scopes: [x]
    rules:
      - owner_id: 7890
        environment: staging
`);
    expect(decide({ repository: "acme/anything", repository_id: "5" }, {}, owner).allowed).toBe(true);
    expect(decide({ repository_owner_id: "7891" }, {}, owner).allowed).toBe(false);
  });
});

describe("policy evaluation: workflows and events", () => {
  it("pins a reusable workflow from another repository through job_workflow_ref", () => {
    const reusable = compile(`version: 1
environments:
  staging:
    scopes: [x]
    rules:
      - repository: acme/web
        repository_id: 123456
        workflow: acme/platform/.github/workflows/deploy.yml@refs/tags/v*
`);
    const central = { job_workflow_ref: "acme/platform/.github/workflows/deploy.yml@refs/tags/v3" };
    expect(decide(central, {}, reusable).allowed).toBe(true);
    // The caller's own workflow_ref does not count: the job that runs is the reusable one.
    expect(decide({ workflow_ref: central.job_workflow_ref }, {}, reusable).allowed).toBe(false);
    expect(
      decide({ job_workflow_ref: "evil/platform/.github/workflows/deploy.yml@refs/tags/v3" }, {}, reusable).allowed,
    ).toBe(false);
  });

  it("never matches pull_request_target, workflow_run or issue_comment unless named literally", () => {
    const anyEvent = compile(`version: 1
environments:
  staging:
    scopes: [x]
    rules:
      - repository_id: 123456
        event: "*"
      - repository_id: 123456
        event: [workflow_run]
`);
    for (const event of ["pull_request_target", "issue_comment"]) {
      const decision = decide({ event_name: event }, {}, anyEvent);
      expect(decision.allowed, event).toBe(false);
      if (!decision.allowed) {
        expect(decision.denial?.rules[0].failed[0]).toMatchObject({
          condition: "event",
          actual: event,
          note: `${event} may run a pull request's code: a rule must name it literally in event`,
        });
      }
    }
    expect(decide({ event_name: "workflow_run" }, {}, anyEvent).allowed).toBe(true);
    expect(decide({ event_name: "push" }, {}, anyEvent).allowed).toBe(true);

    const noEvent = compile("version: 1\nenvironments: {staging: {scopes: [x], rules: [{repository_id: 123456}]}}\n");
    expect(decide({ event_name: "pull_request_target" }, {}, noEvent).allowed).toBe(false);
    expect(decide({ event_name: "push" }, {}, noEvent).allowed).toBe(true);
  });
});

describe("policy evaluation: targets, scopes and lifetimes", () => {
  it("takes the target from the request, else from the token's environment claim", () => {
    expect(decide({ environment: "production" }, { environment: "staging" })).toMatchObject({ allowed: false });
    const production = decide({ environment: "production" });
    expect(production).toMatchObject({ allowed: true, scopes: ["deploy:write"], ttl: 300 });
  });

  it("refuses unknown targets, missing targets and a foreign audience", () => {
    expect(decide({}, { environment: "qa" })).toMatchObject({
      allowed: false,
      error: "invalid_target",
      reason: "unknown_environment",
    });
    const claims = githubClaims();
    delete claims.environment;
    expect(evaluatePolicy(policy, claims, {})).toMatchObject({
      allowed: false,
      error: "invalid_target",
      reason: "no_target",
    });
    expect(decide({}, { audience: "https://deploy.acme.dev/production" })).toMatchObject({
      reason: "audience_mismatch",
    });
    expect(decide({}, { audience: "https://deploy.acme.dev/staging" })).toMatchObject({ allowed: true });
  });

  it("grants requested scopes within the matching rule, and refuses more, naming them", () => {
    expect(decide({}, { scopes: ["logs:read", "deploy:write"] })).toMatchObject({
      allowed: true,
      scopes: ["logs:read", "deploy:write"],
    });
    expect(decide({}, { scopes: ["admin"] })).toMatchObject({
      allowed: false,
      error: "invalid_scope",
      reason: "scope_not_allowed_by_rule",
      refusedScopes: ["admin"],
    });
    expect(decide({}, { scopes: ["deploy:write", "root"] })).toMatchObject({
      error: "invalid_scope",
      reason: "scope_not_in_environment",
      refusedScopes: ["root"],
    });
  });

  it("applies the first rule in file order whose scopes fit", () => {
    const two = compile(`version: 1
environments:
  staging:
    scopes: [a, b]
    rules:
      - name: narrow
        repository_id: 123456
        scopes: [a]
        max_ttl: 5m
      - name: wide
        repository_id: 123456
        ref: refs/heads/main
`);
    const narrow = decide({}, { scopes: ["a"] }, two);
    const wide = decide({}, { scopes: ["a", "b"] }, two);
    expect(narrow.allowed && narrow.rule.label).toBe("narrow");
    expect(narrow.allowed && narrow.ttl).toBe(300);
    expect(wide.allowed && wide.rule.label).toBe("wide");
  });

  it("clamps the lifetime to the rule's and the environment's max_ttl", () => {
    expect(decide({}, { ttl: 60 })).toMatchObject({ ttl: 60 });
    expect(decide({}, { ttl: 3600 })).toMatchObject({ ttl: 900 });
    expect(decide({}, { ttl: 10 ** 6 })).toMatchObject({ ttl: 900 });
    expect(decide({ environment: "production" }, { ttl: 3600 })).toMatchObject({ ttl: 300 });
  });
});

describe("policy evaluation at scale", () => {
  it("finds the right rule among 20,000 without confusing repositories", () => {
    const lines = ["version: 1", "environments:", "  staging:", "    scopes: [x]", "    rules:"];
    for (let i = 1; i <= 20_000; i++) {
      lines.push(`      - {repository: org${i % 97}/repo${i}, repository_id: ${i}, ref: refs/heads/main}`);
    }
    lines.push("      - {repository: acme/*, ref: refs/heads/main}");
    const big = compile(lines.join("\n"));
    const environment = big.environments.get("staging");
    expect(
      environment?.index.covering(githubClaims({ repository: "org5/repo5", repository_id: "5" })).map((r) => r.label),
    ).toEqual(["rules[4]"]);
    expect(decide({ repository: "org7/repo7", repository_id: "7" }, {}, big)).toMatchObject({ allowed: true });
    // The id decides: a name that matches rule 7 with an id no rule pins is not covered.
    const unknownId = decide({ repository: "org7/repo7", repository_id: "20001" }, {}, big);
    expect(unknownId).toMatchObject({ allowed: false, denial: { covered: false } });
    expect(decide({ repository: "acme/web", repository_id: "123456" }, {}, big)).toMatchObject({ allowed: true });
  });
});
