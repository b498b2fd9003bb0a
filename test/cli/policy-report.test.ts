/** `downscope policy report`: who can obtain what, with warnings beside the rules they concern. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cli } from "../support/cli-io";

const EXAMPLE = readFileSync("examples/policy.yml", "utf8");

describe("policy report", () => {
  it("lays out each rule's admitted identities and grants", async () => {
    const result = await cli(["policy", "report", "p.yml"], { "p.yml": EXAMPLE });
    expect(result.code).toBe(0);
    expect(result.out).toContain('Environment "staging" (tokens for https://deploy.acme.dev/staging)');
    expect(result.out).toContain('  rule "web deploys from main" admits:');
    expect(result.out).toContain(
      "    issuer       https://token.actions.githubusercontent.com (keys from https://token.actions.githubusercontent.com/.well-known/jwks)",
    );
    expect(result.out).toContain("    repository   id 123456 (acme/web)");
    expect(result.out).toContain("    ref          refs/heads/main | refs/heads/release/*");
    expect(result.out).toContain("    and grants deploy:write logs:read, for at most 15m, DPoP optional");
    expect(result.out).toContain("    and grants deploy:write, for at most 5m, DPoP optional");
  });

  it("names where each rule's issuer gets its keys, so a moved key shows in the report too", async () => {
    const ghes = "https://ghes.example/_services/token";
    const withKeys = (keys: string) =>
      EXAMPLE.replace("environments:", `issuers:\n  - issuer: ${ghes}\n${keys}environments:`).replace(
        "        repository: acme/web\n        repository_id: 123456\n        owner_id",
        `        issuer: ${ghes}\n        repository: acme/web\n        repository_id: 123456\n        owner_id`,
      );
    const fetched = await cli(["policy", "report", "p.yml"], {
      "p.yml": withKeys("    jwks_uri: https://keys.example/jwks\n"),
    });
    expect(fetched.out).toContain(`    issuer       ${ghes} (keys from https://keys.example/jwks)`);
    const inline = await cli(["policy", "report", "p.yml"], {
      "p.yml": withKeys("    jwks: {keys: [{kty: RSA, n: AQAB, e: AQAB, kid: pinned-1}]}\n"),
    });
    expect(inline.out).toContain(`    issuer       ${ghes} (inline keys pinned-1)`);
  });

  it("says what an absent condition admits, and puts lint warnings beside their rule", async () => {
    const loose = `version: 1
environments:
  staging:
    scopes: [x]
    rules:
      - repository: acme/*
        runner: self-hosted
`;
    const result = await cli(["policy", "report", "p.yml", "--json"], { "p.yml": loose });
    const [environment] = JSON.parse(result.out).environments;
    const [rule] = environment.rules;
    expect(rule.admits).toMatchObject({
      repository: ["name acme/* (any repository of that name, present or future)"],
      ref: ["any ref"],
      environment: ["any GitHub environment, or none"],
      runner: ["self-hosted"],
    });
    expect(rule.grants).toEqual({ scopes: ["x"], max_ttl: "10m", dpop: "optional", narrowing: "denied" });
    expect(rule.warnings).toEqual(
      expect.arrayContaining([
        expect.stringContaining("no ref condition"),
        expect.stringContaining("runner: self-hosted"),
      ]),
    );
  });

  it("refuses an invalid policy, and escapes rule names", async () => {
    const broken = await cli(["policy", "report", "p.yml"], {
      "p.yml": EXAMPLE.replace("ref_type: branch", "ref_typ: x"),
    });
    expect(broken.code).toBe(1);
    expect(broken.err).toContain("is not a valid policy");
    const named = await cli(["policy", "report", "p.yml"], {
      "p.yml": EXAMPLE.replace("name: web deploys from main", 'name: "::error::x"'),
    });
    expect(named.out).not.toContain("::error::");
  });
});
