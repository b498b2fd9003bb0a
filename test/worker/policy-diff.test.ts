/**
 * `policy diff` (policy/diff.ts): every condition kind in both directions (widen, narrow,
 * incomparable), settings of environments and of the policy, rule pairing, and label-only edits.
 */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { diffPolicies } from "../../policy/diff";

const GHES = "https://ghes.internal.example/_services/token";
const policy = (rule: string, environment = "", top = "") =>
  parse(`version: 1
${top}issuers: [{ issuer: ${GHES} }]
environments:
  staging:
    scopes: [deploy:write, logs:read]
    max_ttl: 30m
${environment}    rules:
      - name: web
        repository_id: 123456
${rule}`) as Record<string, unknown>;

const RULE = `        ref: refs/heads/main
        environment: staging
        workflow: acme/web/.github/workflows/deploy.yml@refs/heads/main
        event: push
        runner: github-hosted
        ref_type: branch
        claims: { actor: octocat }
        scopes: [deploy:write]
        max_ttl: 15m
`;

const effect = (base: Record<string, unknown> | undefined, head: Record<string, unknown>) =>
  diffPolicies(base, head).changes.map((change) => change.effect);

describe("policy diff, rule by rule", () => {
  // For each condition kind: a head wider than the base rule, and one neither wider nor narrower.
  // Narrowing is the same pair the other way round.
  const variants: [condition: string, wider: string, incomparable: string][] = [
    ["ref", "        ref: refs/heads/*\n", "        ref: refs/heads/release/*\n"],
    ["environment", "        environment: '*'\n", "        environment: production\n"],
    [
      "workflow",
      "        workflow: acme/web/.github/workflows/deploy.yml@**\n",
      "        workflow: acme/web/.github/workflows/other.yml@refs/heads/main\n",
    ],
    ["event", "        event: [push, workflow_dispatch]\n", "        event: workflow_dispatch\n"],
    ["runner", "        runner: [github-hosted, self-hosted]\n", "        runner: self-hosted\n"],
    ["ref_type", "        ref_type: [branch, tag]\n", "        ref_type: tag\n"],
    ["claims.actor", "        claims: { actor: '*' }\n", "        claims: { actor: hubot }\n"],
    ["scopes", "        scopes: [deploy:write, logs:read]\n", "        scopes: [logs:read]\n"],
  ];
  const replaceLine = (condition: string, line: string) => {
    const key = condition.startsWith("claims.") ? "claims" : condition;
    return RULE.split("\n")
      .map((existing) => (existing.trimStart().startsWith(`${key}:`) ? line.trimEnd() : existing))
      .join("\n");
  };

  it.each(variants)("%s: widens, narrows (the other way round), or changes", (condition, wider, incomparable) => {
    const base = policy(RULE);
    expect(effect(base, policy(replaceLine(condition, wider))), "wider").toEqual(["widens"]);
    expect(effect(policy(replaceLine(condition, wider)), base), "narrower").toEqual(["narrows"]);
    expect(effect(base, policy(replaceLine(condition, incomparable))), "incomparable").toEqual(["changes"]);
  });

  it("says why in words, with a value the head admits and the base did not", () => {
    const [change] = diffPolicies(policy(RULE), policy(replaceLine("ref", "        ref: refs/heads/*"))).changes;
    expect(change).toEqual({
      path: 'environments.staging.rules["web"]',
      effect: "widens",
      reasons: ['ref: refs/heads/main → refs/heads/*: also admits values such as "refs/heads/"'],
    });
  });

  it("treats a dropped condition as admitting any value, and max_ttl as a number", () => {
    const dropped = RULE.replace("        environment: staging\n", "");
    expect(diffPolicies(policy(RULE), policy(dropped)).changes[0]?.reasons).toEqual([
      "environment: staging → (any): also admits any value",
    ]);
    expect(effect(policy(RULE), policy(RULE.replace("max_ttl: 15m", "max_ttl: 20m")))).toEqual(["widens"]);
    expect(effect(policy(RULE), policy(RULE.replace("max_ttl: 15m", "max_ttl: 10m")))).toEqual(["narrows"]);
  });

  it("names an event that may run a pull request's code as a widening", () => {
    const head = policy(RULE.replace("event: push", "event: [push, pull_request_target]"));
    const [change] = diffPolicies(policy(RULE), head).changes;
    expect(change?.effect).toBe("widens");
    expect(change?.reasons.join()).toContain("event (pull-request-code events, named)");
  });

  it("compares issuers as sets, and a switch from id to name as incomparable", () => {
    expect(
      effect(policy(RULE), policy(`        issuer: [https://token.actions.githubusercontent.com, ${GHES}]\n${RULE}`)),
    ).toEqual(["widens"]);
    const byName = policy(RULE).environments as Record<string, { rules: Record<string, unknown>[] }>;
    const rule = byName.staging.rules[0] as Record<string, unknown>;
    rule.repository = "acme/web";
    delete rule.repository_id;
    const [change] = diffPolicies(policy(RULE), { ...policy(RULE), environments: byName }).changes;
    expect(change?.effect).toBe("changes");
    expect(change?.reasons.join()).toContain("repository: by id 123456 → by name acme/web");
  });

  it("reports a renamed rule whose conditions did not change as label only", () => {
    const renamed = policy(RULE);
    (
      (renamed.environments as Record<string, { rules: { name: string }[] }>).staging.rules[0] as { name: string }
    ).name = "web (renamed)";
    expect(effect(policy(RULE), renamed)).toEqual(["label only"]);
    expect(effect(policy(RULE), policy(RULE))).toEqual([]);
  });
});

describe("policy diff, environments and the policy", () => {
  it("reports added and removed rules and environments", () => {
    const base = policy(RULE);
    const more = parse(`version: 1
environments:
  staging:
    scopes: [deploy:write, logs:read]
    max_ttl: 30m
    rules:
      - { name: web, repository_id: 123456, ref: refs/heads/main, environment: staging, workflow: "acme/web/.github/workflows/deploy.yml@refs/heads/main", event: push, runner: github-hosted, ref_type: branch, claims: { actor: octocat }, scopes: [deploy:write], max_ttl: 15m }
      - { name: api, repository_id: 9 }
  production:
    scopes: [deploy:write]
    rules: [{ repository_id: 1 }]
`) as Record<string, unknown>;
    const changes = diffPolicies(base, more).changes;
    expect(changes).toContainEqual({
      path: 'environments.staging.rules["api"]',
      effect: "widens",
      reasons: ["a new rule"],
    });
    expect(changes).toContainEqual(expect.objectContaining({ path: "environments.production", effect: "widens" }));
    expect(changes).toContainEqual(expect.objectContaining({ path: "issuers", effect: "narrows" }));
    const back = diffPolicies(more, base).changes;
    expect(back).toContainEqual({
      path: 'environments.staging.rules["api"]',
      effect: "narrows",
      reasons: ["the rule is removed"],
    });
    expect(back).toContainEqual({
      path: "environments.production",
      effect: "narrows",
      reasons: ["the environment is removed"],
    });
  });

  it("compares environment settings: scopes, max_ttl, dpop, audience", () => {
    const base = policy(RULE, "    dpop: required\n");
    expect(effect(base, policy(RULE))).toEqual(["widens"]); // dpop required → optional
    expect(effect(policy(RULE), base)).toEqual(["narrows"]);
    expect(effect(policy(RULE), policy(RULE, "    audience: https://other.example\n"))).toEqual(["changes"]);
    const longer = policy(RULE);
    ((longer.environments as Record<string, Record<string, unknown>>).staging as Record<string, unknown>).max_ttl =
      "1h";
    expect(effect(policy(RULE), longer)).toEqual(["widens"]);
  });

  it("treats allowing narrowing as a widening, and denying it again as a narrowing (SPEC §7)", () => {
    const allowed = policy(RULE, "    narrowing: allowed\n");
    const widened = diffPolicies(policy(RULE), allowed);
    expect(widened.changes).toEqual([
      {
        path: "environments.staging",
        effect: "widens",
        reasons: ["narrowing: denied → allowed: holders may mint narrower tokens for sub-tasks"],
      },
    ]);
    expect(widened.widens).toBe(true);
    expect(effect(allowed, policy(RULE))).toEqual(["narrows"]);
    // Writing the default out changes nothing.
    expect(effect(policy(RULE), policy(RULE, "    narrowing: denied\n"))).toEqual([]);
  });

  it("treats trusting GitHub.com again as a widening, and no base as no policy", () => {
    expect(effect(policy(RULE, "", "github_com: false\n"), policy(RULE))).toContain("widens");
    const fromNothing = diffPolicies(undefined, policy(RULE));
    expect(fromNothing.widens).toBe(true);
    expect(fromNothing.changes).toContainEqual(
      expect.objectContaining({ path: "environments.staging", effect: "widens" }),
    );
  });
});
