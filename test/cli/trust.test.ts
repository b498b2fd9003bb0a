/**
 * `downscope trust`: for each provider, the configuration for the example federation policy,
 * compared whole with a reviewed golden file (test/cli/trust-golden/), text and JSON; exact on
 * iss, aud and sub with no wildcard anywhere; and bad input refused with what to do.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cli } from "../support/cli-io";

const ISSUER = "https://downscope.acme.dev";
const CASES: [provider: string, environment: string][] = [
  ["aws", "aws-production"],
  ["gcp", "gcp-production"],
  ["azure", "azure-production"],
  ["vault", "vault"],
  ["kubernetes", "kubernetes-staging"],
];
const trust = (provider: string, environment: string, ...extra: string[]) =>
  cli(["trust", provider, "examples/federation.yml", "--environment", environment, "--issuer", ISSUER, ...extra]);

describe("downscope trust", () => {
  it.each(CASES)("%s: prints the reviewed configuration for %s, text and JSON", async (provider, environment) => {
    const text = await trust(provider, environment);
    expect(text).toMatchObject({ code: 0, err: "" });
    expect(text.out).toBe(readFileSync(`test/cli/trust-golden/${provider}.txt`, "utf8"));
    const json = await trust(provider, environment, "--json");
    expect(json.out).toBe(readFileSync(`test/cli/trust-golden/${provider}.json`, "utf8"));
    const parsed = JSON.parse(json.out);
    expect(parsed).toMatchObject({ provider, environment, issuer: ISSUER, subject: `environment:${environment}` });
    // Exact on iss, aud and sub: the subject appears, and no wildcard does.
    expect(json.out).toContain(parsed.subject);
    expect(json.out).toContain(parsed.audience.replace(/"/g, '\\"'));
    expect(JSON.stringify({ ...parsed, limits: [] })).not.toMatch(/[*?]/);
  });

  it("says what a provider cannot take, and refuses what is not a federation environment", async () => {
    const es256 = readFileSync("examples/federation.yml", "utf8").replace(
      "    audience: api://AzureADTokenExchange\n",
      "    audience: api://AzureADTokenExchange\n    algorithm: ES256\n",
    );
    const azure = await cli(["trust", "azure", "p.yml", "--environment", "azure-production", "--issuer", ISSUER], {
      "p.yml": es256,
    });
    expect(azure).toMatchObject({
      code: 1,
      out: "",
      err: 'downscope: environment "azure-production" signs with ES256, and Microsoft Entra accepts only RS256 tokens (AADSTS5002738): set algorithm: RS256 on it\n',
    });
    const access = await cli(["trust", "aws", "examples/policy.yml", "--environment", "staging", "--issuer", ISSUER]);
    expect(access.code).toBe(1);
    expect(access.err).toContain("only a kind: oidc environment's tokens are for a cloud to trust");
    expect((await trust("aws", "nope")).err).toContain('has no environment "nope"');
    expect((await trust("ibm", "vault")).err).toBe(
      'downscope: the provider must be one of aws, gcp, azure, vault, kubernetes, not "ibm"\n',
    );
    for (const [issuer, why] of [
      ["http://downscope.acme.dev", "must be https"],
      ["https://downscope.acme.dev:8443", "must have no port"],
      ["https://downscope.acme.dev/", "must not end with /"],
      ["https://downscope.acme.dev?x=1", "must have no credentials, query or fragment"],
    ]) {
      const result = await cli([
        "trust",
        "aws",
        "examples/federation.yml",
        "--environment",
        "aws-production",
        "--issuer",
        issuer,
      ]);
      expect(result.code, issuer).toBe(2);
      expect(result.err, issuer).toContain(`--issuer ${why}`);
    }
  });
});
