import { describe, expect, it } from "vitest";
import { compilePolicyValue } from "../../policy/compile";
import { compilePolicy } from "../../policy/policy-text";
import { formatProblem } from "../../policy/problems";

/** A valid environment with one rule; `rule` and `environment` add or replace keys. */
function policy(rule: string, environment = "", top = ""): string {
  return `version: 1
${top}environments:
  staging:
    scopes: [deploy:write, logs:read]
${environment}    rules:
      - repository: acme/web
        repository_id: 123456
        environment: staging
${rule}`;
}

function errors(text: string): string[] {
  const result = compilePolicy(text);
  if (result.ok) return [];
  return result.problems.map((problem) => `${problem.path}: ${problem.message}`);
}

function warnings(text: string): string[] {
  const result = compilePolicy(text);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
  return result.warnings.map((problem) => `${problem.path}: ${problem.message}`);
}

describe("policy validation", () => {
  it("accepts the example policy shape with every condition kind", () => {
    const text = policy(
      `        owner_id: "7890"
        ref: [refs/heads/main, refs/heads/release/*]
        ref_type: branch
        workflow: acme/web/.github/workflows/deploy.yml@**
        event: [push, workflow_dispatch]
        runner: github-hosted
        claims: { actor: octocat, repository_visibility: [private, internal] }
        scopes: [deploy:write]
        max_ttl: 15m
`,
      "    ttl: 600\n    max_ttl: 30m\n    dpop: optional\n    audience: https://deploy.acme.dev/staging\n",
    );
    expect(errors(text)).toEqual([]);
  });

  it("reads narrowing: allowed or denied, default denied, and refuses anything else", () => {
    const narrowing = (text: string) => {
      const result = compilePolicy(text);
      return result.ok ? result.policy.environments.get("staging")?.narrowing : undefined;
    };
    expect(narrowing(policy(""))).toBe("denied");
    expect(narrowing(policy("", "    narrowing: allowed\n"))).toBe("allowed");
    expect(narrowing(policy("", "    narrowing: denied\n"))).toBe("denied");
    for (const bad of ["yes", "true", "Allowed", "[allowed]"]) {
      expect(errors(policy("", `    narrowing: ${bad}\n`))).toEqual([
        'environments.staging.narrowing: must be one of "denied", "allowed"',
      ]);
    }
    expect(errors(policy("        narrowing: allowed\n"))).toEqual([
      "environments.staging.rules[0].narrowing: unknown key",
    ]);
  });

  it("names unknown keys with their path and a suggestion", () => {
    expect(errors(policy("        refs: refs/heads/main\n"))).toEqual([
      'environments.staging.rules[0].refs: unknown key, did you mean "ref"?',
    ]);
    expect(errors(policy("", "    defualt_scopes: [deploy:write]\n"))).toEqual([
      'environments.staging.defualt_scopes: unknown key, did you mean "default_scopes"?',
    ]);
    expect(errors(policy("        colour: blue\n"))).toEqual(["environments.staging.rules[0].colour: unknown key"]);
  });

  it("gives line and column for each problem", () => {
    const result = compilePolicy(policy("        refs: refs/heads/main\n"));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ line: 9, column: 9, severity: "error" });
  });

  it("requires version 1, environments, scopes and rules", () => {
    expect(errors("version: 2\nenvironments: {a: {scopes: [x], rules: [{repository_id: 1}]}}\n")).toEqual([
      "version: must be 1 (the only policy version)",
    ]);
    expect(errors("version: 1\n")).toEqual(['environments: missing required key "environments" in policy']);
    expect(errors("version: 1\nenvironments: {}\n")).toEqual(["environments: must name at least one environment"]);
    expect(errors("version: 1\nenvironments: {staging: {scopes: [x]}}\n")).toEqual([
      'environments.staging.rules: missing required key "rules" in environment',
    ]);
    expect(errors("version: 1\nenvironments: {staging: {scopes: [x], rules: []}}\n")).toEqual([
      "environments.staging.rules: must be a non-empty list of rules (an environment without rules grants nothing)",
    ]);
    expect(errors("- just a list\n")).toEqual([": the policy must be a mapping (policy)"]);
  });

  it("refuses a repository owner that is not literal, and malformed repositories", () => {
    const owner = errors(policy("").replace("repository: acme/web", "repository: acme-*/web"));
    expect(owner).toEqual([
      "environments.staging.rules[0].repository: the repository owner must be literal (no wildcards)",
    ]);
    expect(errors(policy("").replace("repository: acme/web", "repository: acme"))[0]).toMatch(/must be owner\/name/);
    expect(errors(policy("").replace("repository: acme/web", "repository: acme/web/x"))[0]).toMatch(
      /must be owner\/name/,
    );
  });

  it("requires every rule to name a repository, an id or an owner id", () => {
    const text = "version: 1\nenvironments: {staging: {scopes: [x], rules: [{ref: refs/heads/main}]}}\n";
    expect(errors(text)).toEqual([
      "environments.staging.rules[0]: a rule must name its repository (repository or repository_id) or at least owner_id",
    ]);
  });

  it("keeps a rule's scopes within its environment's, with a suggestion", () => {
    expect(errors(policy("        scopes: [deploy:writ]\n"))).toEqual([
      'environments.staging.rules[0].scopes[0]: "deploy:writ" is not within its environment\'s scopes, did you mean "deploy:write"?',
    ]);
    expect(errors(policy("", "    default_scopes: [admin]\n"))).toEqual([
      'environments.staging.default_scopes[0]: "admin" is not within the environment\'s scopes',
    ]);
  });

  it("refuses malformed scopes", () => {
    expect(errors(policy("").replace("[deploy:write, logs:read]", '["deploy write", logs:read]'))[0]).toMatch(
      /scopes\[0\]: must be a scope/,
    );
    expect(errors(policy("").replace("[deploy:write, logs:read]", '[logs:read, "quote\\""]'))[0]).toMatch(
      /must be a scope/,
    );
    expect(errors(policy("").replace("[deploy:write, logs:read]", "[logs:read, logs:read]"))[0]).toMatch(
      /duplicate scope/,
    );
  });

  it("checks durations and the one-hour cap", () => {
    expect(errors(policy("", "    ttl: 90s\n    max_ttl: 1h\n"))).toEqual([]);
    expect(errors(policy("", "    max_ttl: 2h\n"))).toEqual(["environments.staging.max_ttl: must be at most 1h"]);
    expect(errors(policy("", "    max_ttl: 3601\n"))).toEqual(["environments.staging.max_ttl: must be at most 1h"]);
    for (const bad of ["10 minutes", "1d", "-5", "0", "1.5m", "1h30m", "true"]) {
      expect(errors(policy("", `    ttl: ${bad}\n`))[0], bad).toMatch(/must be a duration/);
    }
    expect(errors(policy("", "    ttl: 20m\n    max_ttl: 10m\n"))).toEqual([
      "environments.staging.ttl: must not exceed max_ttl",
    ]);
    expect(errors(policy("        max_ttl: 20m\n", "    max_ttl: 10m\n"))[0]).toMatch(/can only narrow it/);
  });

  it("refuses non-ASCII, control characters, overlong and overly wild patterns", () => {
    expect(errors(policy("        ref: refs/heads/ma\u00efn\n"))[0]).toMatch(/ref: invalid pattern: non-ASCII/);
    expect(errors(policy('        ref: "refs/heads/a\\tb"\n'))[0]).toMatch(/control character/);
    expect(errors(policy(`        ref: refs/${"a".repeat(260)}\n`))[0]).toMatch(/longer than 256/);
    expect(errors(policy("        ref: refs/*/*/*/*/*/*/*/*/*\n"))[0]).toMatch(/more than 8 wildcards/);
    expect(errors(policy("        ref: main\n"))).toEqual([
      'environments.staging.rules[0].ref: must start with "refs/"',
    ]);
    expect(errors(policy("        ref: '**'\n"))).toEqual([
      'environments.staging.rules[0].ref: must start with "refs/"',
    ]);
  });

  it("keeps token mechanics and the display name out of claims", () => {
    for (const claim of ["iss", "aud", "sub", "exp", "iat", "nbf", "jti", "workflow"]) {
      expect(errors(policy(`        claims: { ${claim}: x }\n`))[0], claim).toMatch(/cannot be a condition/);
    }
    expect(errors(policy('        claims: { "bad-name": x }\n'))[0]).toMatch(/is not a claim name/);
  });

  it("checks enumerations and ids", () => {
    expect(errors(policy("        runner: shared\n"))[0]).toMatch(/must be one of "github-hosted", "self-hosted"/);
    expect(errors(policy("        ref_type: Branch\n"))[0]).toMatch(/must be one of "branch", "tag"/);
    expect(errors(policy("        owner_id: -1\n"))[0]).toMatch(/positive whole number/);
    expect(errors(policy("        owner_id: 12ab\n"))[0]).toMatch(/positive whole number/);
    expect(errors(policy("        owner_id: 1.5\n"))[0]).toMatch(/positive whole number/);
  });

  it("checks environment names and refuses two that differ only in case", () => {
    expect(errors("version: 1\nenvironments:\n  'a b': {scopes: [x], rules: [{repository_id: 1}]}\n")[0]).toMatch(
      /environment names/,
    );
    const both =
      "version: 1\nenvironments:\n  Prod: {scopes: [x], rules: [{repository_id: 1}]}\n  prod: {scopes: [x], rules: [{repository_id: 1}]}\n";
    expect(errors(both)).toEqual(['environments.prod: the environment "Prod" differs only in case']);
  });

  it("checks issuers: https only, no duplicates, keys public and RSA", () => {
    const issuer = (body: string) => policy("", "", `issuers:\n${body}`);
    expect(errors(issuer("  - issuer: https://ghe.example.com/_services/token\n"))).toEqual([]);
    expect(errors(issuer("  - issuer: http://ghe.example.com\n"))[0]).toMatch(/https URL/);
    // Keys may come over http from a loopback host only (local runs and fault tests).
    expect(errors(issuer("  - issuer: https://ghe.example.com\n    jwks_uri: http://127.0.0.1:9999/keys\n"))).toEqual(
      [],
    );
    expect(errors(issuer("  - issuer: https://ghe.example.com\n    jwks_uri: http://keys.example/keys\n"))[0]).toMatch(
      /must be an https URL \(http only on a loopback host\)/,
    );
    expect(errors(issuer("  - issuer: https://a.example\n  - issuer: https://a.example\n"))[0]).toMatch(/listed twice/);
    expect(
      errors(
        issuer(
          "  - issuer: https://a.example\n    jwks_uri: https://a.example/k\n    jwks: {keys: [{kty: RSA, n: x, e: AQAB, kid: k}]}\n",
        ),
      )[0],
    ).toMatch(/not both/);
    expect(
      errors(
        issuer("  - issuer: https://a.example\n    jwks: {keys: [{kty: RSA, n: x, e: AQAB, kid: k, d: secret}]}\n"),
      )[0],
    ).toMatch(/private key material/);
    expect(
      errors(issuer("  - issuer: https://a.example\n    jwks: {keys: [{kty: oct, k: c2VjcmV0, kid: k}]}\n"))[0],
    ).toMatch(/RSA public key/);
  });

  it("warns loudly about GitHub.com's issuer listed with keys of its own: that re-points the default issuer", () => {
    const github = "https://token.actions.githubusercontent.com";
    const issuer = (body: string) => policy("", "", `issuers:\n${body}`);
    expect(warnings(issuer(`  - issuer: ${github}\n    jwks_uri: https://keys.example/jwks\n`))).toContain(
      `issuers[0].jwks_uri: re-points the keys of GitHub.com's own issuer (${github}/.well-known/jwks): whoever holds these keys can sign tokens as GitHub for every rule that trusts it; remove it unless you mean to pin them`,
    );
    expect(
      warnings(issuer(`  - issuer: ${github}\n    jwks: {keys: [{kty: RSA, n: x, e: AQAB, kid: k}]}\n`)),
    ).toContainEqual(expect.stringMatching(/^issuers\[0\]\.jwks: re-points the keys of GitHub.com's own issuer/));
    expect(warnings(issuer(`  - issuer: ${github}\n`)).join()).not.toContain("re-points");
  });

  it("refuses keys that name JavaScript's own machinery, in YAML and in JSON alike", () => {
    for (const key of ["__proto__", "constructor", "prototype"]) {
      expect(errors(policy(`        claims: { ${key}: x }\n`)), key).toEqual([
        expect.stringMatching(new RegExp(`claims\\.${key}: "${key}" is a reserved key$`)),
      ]);
      const json = JSON.parse(
        `{"version":1,"environments":{"staging":{"scopes":["d"],"rules":[{"repository_id":1,"claims":{"${key}":"x"}}]},"${key}":{"scopes":["d"],"rules":[{"repository_id":1}]}}}`,
      );
      const result = compilePolicyValue(json);
      expect(result.ok ? [] : result.problems.map((problem) => problem.message), key).toEqual([
        `"${key}" is a reserved key`,
        `"${key}" is a reserved key`,
      ]);
    }
    // A reviewer reads the name that is there.
    expect(errors(policy('        name: "deploy \u202eniam"\n'))).toEqual([
      "environments.staging.rules[0].name: must not contain bidirectional or zero-width characters",
    ]);
    // Other built-in names are plain names.
    expect(errors(policy(`        claims: { toString: x, hasOwnProperty: y, valueOf: z }\n`))).toEqual([]);
  });
});

describe("policy lint", () => {
  it("warns about each risky shape, and not about a tight rule", () => {
    expect(warnings(policy("        ref: refs/heads/main\n"))).toEqual([]);
    const loose = `version: 1
environments:
  staging:
    scopes: [x]
    rules:
      - repository: acme/*
        ref: refs/**
        runner: self-hosted
        event: pull_request_target
`;
    expect(warnings(loose)).toEqual([
      "environments.staging.rules[0]: no repository_id: a repository re-created under the same name would match; pin it with repository_id",
      "environments.staging.rules[0]: no environment condition: jobs outside any GitHub deployment environment (and its protection rules) pass",
      "environments.staging.rules[0].runner: self-hosted runners are often shared and long-lived: make sure only trusted jobs reach them",
      "environments.staging.rules[0].repository: wildcard repository name: every matching repository, present and future, is allowed",
      'environments.staging.rules[0].ref: "refs/**" admits every branch',
      "environments.staging.rules[0].event: pull_request_target may run code from a pull request with this repository's identity",
    ]);
  });

  it("warns about rules broader than they look (the lint list in docs/policy.md)", () => {
    const broad = `version: 1
environments:
  staging:
    audience: https://deploy.acme.dev
    scopes: [x]
    rules:
      - repository_id: 1
        environment: staging
      - repository_id: 2
        environment: staging
        ref: [refs/heads/**, refs/heads/main]
      - repository_id: 3
        environment: staging
        ref: refs/*/**
      - owner_id: 7890
        environment: staging
        ref: refs/heads/main
      - repository_id: 4
        environment: staging
        ref: refs/heads/*
      - repository_id: 5
        environment: staging
        ref: [refs/heads/release/*, refs/heads/feature-*, refs/tags/*]
  production:
    audience: https://deploy.acme.dev
    scopes: [x]
    rules: [{ repository_id: 1, environment: production, ref: refs/tags/v* }]
`;
    expect(warnings(broad)).toEqual([
      "environments.staging.rules[0]: no ref condition: every branch and tag passes",
      'environments.staging.rules[1].ref: "refs/heads/**" admits every branch',
      'environments.staging.rules[2].ref: "refs/*/**" admits every branch',
      "environments.staging.rules[3]: names only an owner (owner_id): every present and future repository of it is allowed",
      "environments.staging.rules[3]: no repository_id: a repository re-created under the same name would match; pin it with repository_id",
      'environments.staging.rules[4].ref: "refs/heads/*" admits every branch whose name has no slash (main, any feature branch anyone can push): name the branches',
      'environments.production.audience: shares its audience with "staging": a verifier that checks only aud would accept one\'s tokens for the other (check environment too)',
    ]);
  });

  it("refuses ids that are not plain decimal, and names with control characters", () => {
    for (const id of ["0x1E240", "1e5", "12.0", "0o17", "+5", "-1", "1_000"]) {
      const text = policy("        ref: refs/heads/main\n").replace("repository_id: 123456", `repository_id: ${id}`);
      expect(errors(text), id).toContainEqual(expect.stringContaining("must be a positive whole number (a GitHub id)"));
    }
    const named = policy('        name: "web\\e[2K\\rdeploys: ok"\n        ref: refs/heads/main\n');
    expect(errors(named)).toEqual(["environments.staging.rules[0].name: must not contain control characters"]);
  });
});
