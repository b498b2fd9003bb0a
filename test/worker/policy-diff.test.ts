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
    ["runner", "", "        runner: self-hosted\n"],
    ["ref_type", "", "        ref_type: tag\n"],
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
      reasons: ['ref: refs/heads/main → refs/heads/*: also admits values such as "refs/heads/x"'],
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

  it("treats allowing narrowing as a widening, and denying it again as a narrowing (docs/narrowing.md)", () => {
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
    const onGhes = `    issuer: ${GHES}\n`;
    expect(effect(policy(RULE, onGhes, "github_com: false\n"), policy(RULE, onGhes))).toContain("widens");
    const fromNothing = diffPolicies(undefined, policy(RULE));
    expect(fromNothing.widens).toBe(true);
    expect(fromNothing.changes).toContainEqual(
      expect.objectContaining({ path: "environments.staging", effect: "widens" }),
    );
  });
});

describe("policy diff, what a review must never miss", () => {
  const KEY = { kty: "RSA", kid: "k1", n: "AQAB", e: "AQAB" };
  const withIssuer = (entry: string) =>
    parse(`version: 1
issuers: [${entry}]
environments:
  staging:
    issuer: ${GHES}
    scopes: [deploy:write]
    rules:
      - { name: web, repository_id: 1, ref: refs/heads/main }
`) as Record<string, unknown>;

  it("counts a trusted issuer's keys moved or swapped as widening, named first", () => {
    const moved = diffPolicies(
      withIssuer(`{ issuer: ${GHES} }`),
      withIssuer(`{ issuer: ${GHES}, jwks_uri: "https://keys.attacker.example/jwks" }`),
    );
    expect(moved.widens).toBe(true);
    expect(moved.changes[0]).toEqual({
      path: `issuers[${JSON.stringify(GHES)}]`,
      effect: "widens",
      reasons: [
        `keys now fetched from https://keys.attacker.example/jwks (was ${GHES}/.well-known/jwks): whoever holds the new keys can sign tokens that every rule trusting this issuer accepts`,
      ],
    });
    const inline = (keys: object[]) => withIssuer(`{ issuer: ${GHES}, jwks: ${JSON.stringify({ keys })} }`);
    const swapped = diffPolicies(inline([KEY]), inline([{ ...KEY, n: "AQAC" }]));
    expect(swapped.changes[0]).toMatchObject({
      effect: "widens",
      reasons: [
        expect.stringMatching(/^inline keys added or replaced: k1: whoever holds/),
        expect.stringContaining("k1"),
      ],
    });
    expect(diffPolicies(inline([KEY]), inline([KEY, { ...KEY, kid: "k2" }])).widens).toBe(true);
    expect(diffPolicies(inline([KEY, { ...KEY, kid: "k2" }]), inline([KEY])).changes[0]?.effect).toBe("narrows");
    expect(diffPolicies(inline([KEY]), withIssuer(`{ issuer: ${GHES} }`)).changes[0]?.reasons[0]).toContain(
      "keys: inline keys → fetched from",
    );
    expect(diffPolicies(inline([KEY]), inline([KEY])).changes).toEqual([]);
  });

  it("stops on patterns whose comparison is exponential, and calls it undecided, which counts as widening", () => {
    const refs = (letters: string) => JSON.stringify([...letters].map((letter) => `refs/**${letter}??????`));
    const started = Date.now();
    const diff = diffPolicies(policy(`        ref: ${refs("abcde")}\n`), policy(`        ref: ${refs("abcdf")}\n`));
    expect(diff.widens).toBe(true);
    expect(diff.changes).toEqual([
      {
        path: "environments.staging",
        effect: "undecided",
        reasons: [
          expect.stringMatching(/^not decided: the analysis needed more than [\d,]+ steps, so it counts as widening/),
        ],
      },
    ]);
    expect(Date.now() - started).toBeLessThan(60_000); // bounded, not minutes (budget, not a timing target)
    // The same patterns in another order are no change to decide.
    expect(
      diffPolicies(policy(`        ref: ${refs("abcde")}\n`), policy(`        ref: ${refs("edcba")}\n`)).widens,
    ).toBe(false);
  });

  it("reads claim, environment and rule names that are built-in property names as plain names", () => {
    const named = (claims: string, environment = "toString") => ({
      version: 1,
      environments: {
        [environment]: {
          scopes: ["deploy"],
          rules: [{ name: "hasOwnProperty", repository_id: 1, claims: JSON.parse(claims) }],
        },
      },
    });
    for (const claim of ["toString", "hasOwnProperty", "valueOf", "isPrototypeOf"]) {
      const base = named(`{"actor": "octocat"}`);
      const head = named(`{"actor": "octocat", "${claim}": "x"}`);
      expect(diffPolicies(base, head).widens, claim).toBe(false);
      expect(diffPolicies(head, base).changes[0]?.reasons, claim).toEqual([
        `claims.${claim}: x → (any): also admits any value`,
      ]);
    }
    expect(
      diffPolicies(named(`{"actor": "a"}`, "hasOwnProperty"), named(`{"actor": "*"}`, "hasOwnProperty")).widens,
    ).toBe(true);
  });
});
