import { describe, expect, it } from "vitest";
import { CONTROL_CHARACTER } from "../../protocol/printable";
import { githubClaims } from "../../scripts/fake-github.mjs";
import { cli } from "../support/cli-io";

const POLICY = `version: 1
environments:
  staging:
    scopes: [deploy:write, logs:read]
    default_scopes: [deploy:write]
    ttl: 10m
    max_ttl: 30m
    rules:
      - name: web deploys from main
        repository: acme/web
        repository_id: 123456
        ref: [refs/heads/main, refs/heads/release/*]
        environment: staging
        scopes: [deploy:write, logs:read]
        max_ttl: 15m
      - name: globex api
        repository: globex/api
        repository_id: 999
        ref: refs/heads/main
        environment: staging
`;

const BROKEN = `version: 1
environments:
  staging:
    scopes: [deploy:write]
    rules:
      - repository: acme-*/web
        refs: refs/heads/main
`;

const GITHUB = "https://token.actions.githubusercontent.com";
const claims = (overrides: Record<string, unknown> = {}) => JSON.stringify(githubClaims(overrides, 1_795_000_000));

describe("policy check", () => {
  it("passes a clean policy, exit 0", async () => {
    const result = await cli(["policy", "check", "p.yml"], { "p.yml": POLICY });
    expect(result).toEqual({ code: 0, out: "p.yml: valid (0 errors, 0 warnings)\n", err: "" });
  });

  it("lists every problem with file, line, column, path and suggestion; exit 1", async () => {
    const result = await cli(["policy", "check", "p.yml"], { "p.yml": BROKEN });
    expect(result.code).toBe(1);
    expect(result.out).toBe(
      [
        "p.yml:6:9 error environments.staging.rules[0].repository: the repository owner must be literal (no wildcards)",
        'p.yml:7:9 error environments.staging.rules[0].refs: unknown key, did you mean "ref"?',
        "p.yml: invalid (2 errors, 0 warnings); the service would refuse to issue any token with it",
        "",
      ].join("\n"),
    );
  });

  it("shows warnings without failing, unless --strict", async () => {
    const loose = POLICY.replace("        environment: staging\n        scopes", "        scopes");
    const relaxed = await cli(["policy", "check", "p.yml"], { "p.yml": loose });
    expect(relaxed.code).toBe(0);
    expect(relaxed.out).toContain("p.yml:9:9 warning environments.staging.rules[0]: no environment condition");
    expect((await cli(["policy", "check", "--strict", "p.yml"], { "p.yml": loose })).code).toBe(1);
  });

  it("prints JSON for machines", async () => {
    const result = await cli(["policy", "check", "--json", "p.yml"], { "p.yml": BROKEN });
    expect(JSON.parse(result.out)).toEqual({
      file: "p.yml",
      valid: false,
      errors: [
        {
          severity: "error",
          path: "environments.staging.rules[0].repository",
          message: "the repository owner must be literal (no wildcards)",
          line: 6,
          column: 9,
        },
        {
          severity: "error",
          path: "environments.staging.rules[0].refs",
          message: 'unknown key, did you mean "ref"?',
          line: 7,
          column: 9,
        },
      ],
      warnings: [],
    });
  });

  it("prints GitHub annotations inside Actions", async () => {
    const result = await cli(
      ["policy", "check", "policies/p.yml"],
      { "policies/p.yml": BROKEN },
      { env: { GITHUB_ACTIONS: "true" } },
    );
    expect(result.out.split("\n")[1]).toBe(
      '::error file=policies/p.yml,line=7,col=9,title=downscope policy::environments.staging.rules[0].refs: unknown key, did you mean "ref"?',
    );
  });

  it("refuses the hostile policies the service refuses", async () => {
    const hostile: Record<string, string> = {
      "alias bomb": `a: &a [x,x,x,x,x,x,x,x,x,x]\n${[1, 2, 3, 4, 5]
        .map(
          (n) =>
            `l${n}: &l${n} [${Array(10)
              .fill(n === 1 ? "*a" : `*l${n - 1}`)
              .join(",")}]`,
        )
        .join("\n")}\n`,
      "duplicate keys": "version: 1\nversion: 1\n",
      __proto__: "version: 1\n__proto__: {}\nenvironments: {}\n",
      "yaml 1.1 boolean": POLICY.replace("ttl: 10m", "ttl: 10m\n    dpop: yes"),
      "non-ASCII pattern": POLICY.replace("refs/heads/main,", "refs/heads/ma\u00efn,"),
      "custom tag": "version: !!js/function 1\n",
    };
    for (const [name, text] of Object.entries(hostile)) {
      const result = await cli(["policy", "check", "p.yml"], { "p.yml": text });
      expect(result.code, name).toBe(1);
      expect(result.out, name).toMatch(/error/);
    }
  });

  it("says what is wrong with a missing file or bad arguments, exit 2", async () => {
    expect(await cli(["policy", "check", "nope.yml"])).toEqual({
      code: 2,
      out: "",
      err: 'downscope: cannot read the policy "nope.yml" (ENOENT)\n',
    });
    const unknown = await cli(["policy", "chek", "p.yml"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown command 'chek'/);
    expect((await cli(["policy", "check"])).err).toMatch(/missing required argument 'file'/);
  });

  it("reads the policy from standard input with -", async () => {
    expect((await cli(["policy", "check", "-"], {}, { stdin: POLICY })).code).toBe(0);
  });

  it("checks the example policy clean", async () => {
    expect((await cli(["policy", "check", "--strict", "examples/policy.yml"])).code).toBe(0);
  });
});

describe("policy explain", () => {
  it("explains an allowed request in full", async () => {
    const result = await cli(
      ["policy", "explain", "p.yml", "--claims", "c.json", "--scope", "deploy:write logs:read"],
      {
        "p.yml": POLICY,
        "c.json": claims(),
      },
    );
    expect(result.code).toBe(0);
    expect(result.out).toBe(
      [
        `Policy p.yml, environment "staging" (from the claims), issuer ${GITHUB}`,
        "",
        '✓ rule 1 "web deploys from main" matches',
        `    ✓ issuer         expected ${GITHUB}  actual ${GITHUB}`,
        "    ✓ repository_id  expected 123456  actual 123456",
        "    ✓ ref            expected refs/heads/main | refs/heads/release/*  actual refs/heads/main",
        "    ✓ environment    expected staging  actual staging",
        "    ✓ event          expected (no condition)  actual push",
        "(1 other rule of this environment concerns other repositories)",
        "",
        'Decision: ALLOW by rule "web deploys from main": scopes deploy:write logs:read, lifetime 10m (600 s)',
        "The token: DPoP optional; narrowing denied (it cannot be exchanged for a narrower token)",
        "",
      ].join("\n"),
    );
  });

  it("explains a denied request in full, with a note for a decoded token", async () => {
    const header = Buffer.from(JSON.stringify({ alg: "RS256", typ: "JWT" })).toString("base64url");
    const payload = Buffer.from(claims({ ref: "refs/heads/feature", event_name: "pull_request_target" })).toString(
      "base64url",
    );
    const result = await cli(
      ["policy", "explain", "p.yml", "--claims", "-", "--environment", "staging", "--ttl", "1h"],
      { "p.yml": POLICY },
      { stdin: `${header}.${payload}.c2ln\n` },
    );
    expect(result.code).toBe(1);
    expect(result.out).toBe(
      [
        `Policy p.yml, environment "staging" (from --environment), issuer ${GITHUB}`,
        "note: The claims come from a JWT that was decoded, not verified: its signature, issuer, audience and times were not checked.",
        "",
        '✗ rule 1 "web deploys from main" does not match',
        `    ✓ issuer         expected ${GITHUB}  actual ${GITHUB}`,
        "    ✓ repository_id  expected 123456  actual 123456",
        "    ✗ ref            expected refs/heads/main | refs/heads/release/*  actual refs/heads/feature",
        "    ✓ environment    expected staging  actual staging",
        "    ✗ event          expected (no condition)  actual pull_request_target",
        "      pull_request_target may run a pull request's code: a rule must name it literally in event",
        "(1 other rule of this environment concerns other repositories)",
        "",
        "Decision: DENY invalid_target (no_rule_matched)",
        "",
      ].join("\n"),
    );
  });

  it("gives the same decision as JSON, and names refused scopes", async () => {
    const result = await cli(
      ["policy", "explain", "p.yml", "--claims", "c.json", "--scope", "deploy:write admin", "--json"],
      {
        "p.yml": POLICY,
        "c.json": claims(),
      },
    );
    expect(result.code).toBe(1);
    const body = JSON.parse(result.out);
    expect(body.decision).toEqual({
      allowed: false,
      error: "invalid_scope",
      reason: "scope_not_in_environment",
      refused_scopes: ["admin"],
    });
    expect(
      body.rules.map((rule: { rule: string; covers: boolean; matched: boolean }) => [
        rule.rule,
        rule.covers,
        rule.matched,
      ]),
    ).toEqual([
      ["web deploys from main", true, true],
      ["globex api", false, false],
    ]);
  });

  it("warns when the service would refuse the claims before any rule", async () => {
    const result = await cli(["policy", "explain", "p.yml", "--claims", "c.json"], {
      "p.yml": POLICY,
      "c.json": claims({ repository_id: 123456 }),
    });
    expect(result.out).toMatch(/note: The service would refuse these claims before any rule/);
  });

  it("refuses claims that are neither JSON nor a JWT, and an invalid policy", async () => {
    expect(
      await cli(["policy", "explain", "p.yml", "--claims", "c.json"], { "p.yml": POLICY, "c.json": "hello" }),
    ).toMatchObject({
      code: 2,
      err: "downscope: c.json is neither a JSON object of claims nor a JWT\n",
    });
    expect(
      await cli(["policy", "explain", "p.yml", "--claims", "c.json"], { "p.yml": POLICY, "c.json": "[1]" }),
    ).toMatchObject({ code: 2 });
    const invalid = await cli(["policy", "explain", "p.yml", "--claims", "c.json"], {
      "p.yml": BROKEN,
      "c.json": claims(),
    });
    expect(invalid.code).toBe(1);
    expect(invalid.err).toMatch(/is not a valid policy \(run `downscope policy check p.yml`\)/);
    const ttl = await cli(["policy", "explain", "p.yml", "--claims", "c.json", "--ttl", "2h"], {
      "p.yml": POLICY,
      "c.json": claims(),
    });
    expect(ttl.err).toMatch(/ttl must be a duration up to 1h/);
  });
});

describe("policy test", () => {
  const CASES = `defaults:
  claims: ${claims()}
cases:
  - name: main deploys to staging
    request: { scope: deploy:write logs:read, ttl: 1h }
    expect: { decision: allow, rule: web deploys from main, scopes: [logs:read, deploy:write], ttl: 15m }
  - name: a feature branch does not
    claims: { ref: refs/heads/feature }
    expect: { decision: deny, error: invalid_target, reason: no_rule_matched, failed: [ref] }
`;

  it("runs a passing table, exit 0", async () => {
    const result = await cli(["policy", "test", "p.yml", "cases.yml"], { "p.yml": POLICY, "cases.yml": CASES });
    expect(result).toEqual({
      code: 0,
      out: "✓ main deploys to staging\n✓ a feature branch does not\n2 cases: 2 passed, 0 failed\n",
      err: "",
    });
  });

  it("shows a clear difference for each failing case, exit 1", async () => {
    const failing = CASES.replace("ttl: 15m", "ttl: 30m")
      .replace("failed: [ref]", "failed: [environment]")
      .replace("  - name: main", "  - name: main")
      .concat(
        "  - name: globex may not deploy\n    claims: { repository: globex/api, repository_id: '999' }\n    expect: { decision: deny }\n",
      );
    const result = await cli(["policy", "test", "p.yml", "cases.yml"], { "p.yml": POLICY, "cases.yml": failing });
    expect(result.code).toBe(1);
    expect(result.out).toBe(
      [
        "✗ main deploys to staging",
        "    ttl: expected 1800 s, got 900 s",
        '    actual decision: ALLOW by rule "web deploys from main": scopes deploy:write logs:read, lifetime 15m (900 s)',
        "✗ a feature branch does not",
        "    failed conditions: expected environment, got ref",
        "    actual decision: DENY invalid_target (no_rule_matched)",
        "✗ globex may not deploy",
        "    decision: expected deny, got allow",
        '    actual decision: ALLOW by rule "globex api": scopes deploy:write, lifetime 10m (600 s)',
        "3 cases: 0 passed, 3 failed",
        "",
      ].join("\n"),
    );
    const json = JSON.parse(
      (await cli(["policy", "test", "--json", "p.yml", "cases.yml"], { "p.yml": POLICY, "cases.yml": failing })).out,
    );
    expect(json).toMatchObject({ passed: 0, failed: 3 });
  });

  it("refuses a malformed cases file, naming the place", async () => {
    const bad = await cli(["policy", "test", "p.yml", "cases.yml"], {
      "p.yml": POLICY,
      "cases.yml": "cases:\n  - name: x\n    expect: { decison: allow }\n",
    });
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/cases.yml:3:15: cases\[0\]\.expect\.decison: unknown key/);
    const empty = await cli(["policy", "test", "p.yml", "cases.yml"], { "p.yml": POLICY, "cases.yml": "cases: []\n" });
    expect(empty.err).toMatch(/cases: must be a non-empty list/);
  });
});

describe("the example policy's own test cases", () => {
  it("pass, as the policy guide shows", async () => {
    const { readFileSync } = await import("node:fs");
    const result = await cli(["policy", "test", "examples/policy.yml", "cases.yml"], {
      "cases.yml": readFileSync("examples/policy.test.yml", "utf8"),
    });
    expect(result.out).toMatch(/9 cases: 9 passed, 0 failed\n$/);
    expect(result.code).toBe(0);
  });
});

describe("untrusted text in human output", () => {
  const hostile = "\u001b[2K\r✓ all good\n::error::pwned ::add-mask::x \u2028 x ##[add-mask]WIDENS \u202eevil\u2066";
  const clean = (out: string) => {
    expect(CONTROL_CHARACTER.test(out.replaceAll("\n", ""))).toBe(false);
    expect(out).not.toContain("::");
    expect(out).not.toContain("##[");
    expect(out).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    for (const line of out.split("\n")) expect(line.startsWith("::")).toBe(false);
  };

  it("escapes control characters and workflow commands from decoded claims in explain", async () => {
    const result = await cli(["policy", "explain", "p.yml", "--claims", "c.json"], {
      "p.yml": POLICY,
      "c.json": claims({ ref: hostile, environment: hostile }),
    });
    expect(result.code).toBe(1);
    clean(result.out);
    expect(result.out).toContain("\\u001b[2K\\u000d✓ all good\\u000a:\u200b:error:\u200b:pwned");
    expect(result.out).toContain("x #\u200b#[add-mask]WIDENS \\u202eevil\\u2066");
  });

  it("escapes case names in policy test", async () => {
    const cases = `cases:\n  - name: ${JSON.stringify(hostile)}\n    claims: ${claims()}\n    expect: { decision: deny }\n`;
    const result = await cli(["policy", "test", "p.yml", "t.yml"], { "p.yml": POLICY, "t.yml": cases });
    clean(result.out);
  });

  it("escapes claims in token decode", async () => {
    const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const token = `${part({ alg: "RS256" })}.${part({ sub: "::add-mask::secret", note: "a\u2028b" })}.c2ln`;
    const result = await cli(["token", "decode", token]);
    expect(result.code).toBe(0);
    clean(result.out);
  });
});
