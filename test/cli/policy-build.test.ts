/**
 * `downscope policy build`: the same checks as `check`, then the artifact the Worker bundles.
 * Bad input writes nothing; what is written opens in the Worker's own loader.
 */
import { gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { artifactSizeProblem, SCRIPT_LIMIT_FREE, SCRIPT_LIMIT_PAID } from "../../cli/policy-build";
import { canonicalJson, DEFAULT_ARTIFACT_PATH, openPolicyArtifact } from "../../policy/artifact";
import { compilePolicyValue } from "../../policy/compile";
import { sha256Hex } from "../../protocol/digest";
import { cli } from "../support/cli-io";

const POLICY = `version: 1
environments:
  staging:
    scopes: [deploy:write]
    rules:
      - name: web deploys from main
        repository: acme/web
        repository_id: 123456
        ref: refs/heads/main
        environment: staging
`;

describe("policy build", () => {
  it("writes the artifact to the path wrangler.jsonc bundles, and it opens as the Worker opens it", async () => {
    const written: Record<string, string> = {};
    const result = await cli(["policy", "build", "p.yml"], { "p.yml": POLICY }, { written });
    expect(result.code).toBe(0);
    expect(Object.keys(written)).toEqual([DEFAULT_ARTIFACT_PATH]);
    const artifact = JSON.parse(written[DEFAULT_ARTIFACT_PATH] ?? "");
    expect(artifact).toMatchObject({
      format: "downscope-policy-artifact",
      format_version: 1,
      source_sha256: await sha256Hex(POLICY),
      policy: canonicalJson(parse(POLICY)),
      warnings: [],
    });
    expect(result.out).toContain(
      `wrote ${DEFAULT_ARTIFACT_PATH}: 1 environment, 1 rule, 0.5 KiB, 0.3 KiB gzipped; policy_digest ${artifact.policy_sha256}`,
    );
    const opened = await openPolicyArtifact(artifact);
    expect(opened.ok).toBe(true);
    if (opened.ok) expect(compilePolicyValue(opened.value, { prevalidated: true }).ok).toBe(true);
  });

  it("writes where --out says, and carries lint warnings into the artifact", async () => {
    const written: Record<string, string> = {};
    const loose = POLICY.replace("        environment: staging\n", "");
    const result = await cli(["policy", "build", "p.yml", "--out", "out/a.json"], { "p.yml": loose }, { written });
    expect(result.code).toBe(0);
    expect(result.out).toContain("warning environments.staging.rules[0]: no environment condition");
    expect(JSON.parse(written["out/a.json"] ?? "").warnings).toEqual([
      expect.stringContaining("environments.staging.rules[0]: no environment condition"),
    ]);
  });

  it("writes nothing for an invalid policy, saying where, exit 1; nor with --strict and warnings", async () => {
    const written: Record<string, string> = {};
    const broken = await cli(["policy", "build", "p.yml"], { "p.yml": POLICY.replace("ref:", "refs:") }, { written });
    expect(broken.code).toBe(1);
    expect(broken.out).toContain(
      'p.yml:9:9 error environments.staging.rules[0].refs: unknown key, did you mean "ref"?',
    );
    const loose = POLICY.replace("        environment: staging\n", "");
    const strict = await cli(["policy", "build", "p.yml", "--strict"], { "p.yml": loose }, { written });
    expect(strict.code).toBe(1);
    expect(written).toEqual({});
  });

  it.each([
    ["an empty file", ""],
    ["YAML with a tag", "!!js/function x"],
    ["two documents", `${POLICY}---\n${POLICY}`],
    ["a list", "- a\n- b\n"],
  ])("refuses %s and writes nothing", async (_name, text) => {
    const written: Record<string, string> = {};
    const result = await cli(["policy", "build", "p.yml"], { "p.yml": text }, { written });
    expect(result.code).toBe(1);
    expect(written).toEqual({});
  });

  it("says what is wrong with a missing file, exit 2", async () => {
    expect(await cli(["policy", "build", "nope.yml"])).toMatchObject({
      code: 2,
      err: 'downscope: cannot read the policy "nope.yml" (ENOENT)\n',
    });
  });

  it("prints the policy as JSON for DOWNSCOPE_POLICY with --variable: stdout holds it alone", async () => {
    const written: Record<string, string> = {};
    const result = await cli(["policy", "build", "p.yml", "--variable"], { "p.yml": POLICY }, { written });
    expect(result.code).toBe(0);
    expect(result.out).toBe(`${canonicalJson(parse(POLICY))}\n`);
    expect(result.err).toContain("p.yml: valid");
    expect(written).toEqual({});
    const rule = POLICY.slice(POLICY.indexOf("      - name:"));
    const big = POLICY + Array.from({ length: 40 }, (_, i) => rule.replace("from main", `from main ${i}`)).join("");
    expect((await cli(["policy", "build", "p.yml", "--variable"], { "p.yml": big })).err).toContain(
      "over the 5 KB Cloudflare allows a variable",
    );
  });

  it("refuses a policy too large for a Worker, with sizes, and notes when it needs Workers Paid", () => {
    expect(artifactSizeProblem(1024, 512)).toEqual({});
    expect(artifactSizeProblem(8 * 1024 * 1024, SCRIPT_LIMIT_FREE)).toEqual({
      note: expect.stringContaining("over the Free plan's 3 MiB"),
    });
    expect(artifactSizeProblem(60 * 1024 * 1024, SCRIPT_LIMIT_PAID)).toEqual({
      refusal: expect.stringMatching(
        /the artifact is 61440 KiB, 10240 KiB gzipped, and a Worker may be at most 10 MiB/,
      ),
    });
  });

  it("measures the gzipped size it reports", () => {
    const text = "x".repeat(100_000);
    expect(gunzipSync(gzipSync(text)).toString()).toBe(text);
  });
});
