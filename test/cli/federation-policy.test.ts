/** The admin commands know kind: oidc environments: explain, test, report and diff of examples/federation.yml. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cli } from "../support/cli-io";

const FEDERATION = readFileSync("examples/federation.yml", "utf8");
const CLAIMS = JSON.stringify({
  iss: "https://token.actions.githubusercontent.com",
  jti: "j",
  repository: "acme/web",
  repository_id: "123456",
  repository_owner_id: "7890",
  ref: "refs/heads/main",
  environment: "production",
  job_workflow_ref: "acme/web/.github/workflows/deploy.yml@refs/heads/main",
  event_name: "push",
});

describe("policy commands on oidc environments", () => {
  it("explain says which token a cloud gets, and that it is not revocable", async () => {
    const files = { "p.yml": FEDERATION, "c.json": CLAIMS };
    const result = await cli(
      ["policy", "explain", "p.yml", "--claims", "c.json", "--environment", "aws-production"],
      files,
    );
    expect(result.code).toBe(0);
    expect(result.out).toContain(
      'Decision: ALLOW by rule "web deploys to AWS from main, behind the production environment": an OIDC token, lifetime 5m (300 s)',
    );
    expect(result.out).toContain(
      'The token: an OIDC token for aud "sts.amazonaws.com" with sub "environment:aws-production", signed RS256, AWS session tags from repository, environment, ref; not revocable (no cloud asks downscope)',
    );
    const json = JSON.parse(
      (
        await cli(
          ["policy", "explain", "p.yml", "--claims", "c.json", "--environment", "aws-production", "--json"],
          files,
        )
      ).out,
    );
    expect(json.decision).toMatchObject({
      kind: "oidc",
      audience: "sts.amazonaws.com",
      subject: "environment:aws-production",
      algorithm: "RS256",
    });
    const scoped = await cli(
      ["policy", "explain", "p.yml", "--claims", "c.json", "--environment", "aws-production", "--scope", "deploy"],
      files,
    );
    expect(scoped.out).toContain("DENY invalid_scope (scope_not_in_environment)");
  });

  it("test runs cases against them, report shows the token, diff says when the relying party's trust breaks", async () => {
    const cases = `cases:\n  - name: main deploys to AWS\n    claims: ${CLAIMS}\n    request: { environment: aws-production }\n    expect: { decision: allow, ttl: 5m }\n  - name: a branch does not\n    claims: ${CLAIMS.replace("refs/heads/main", "refs/heads/dev")}\n    request: { environment: aws-production }\n    expect: { decision: deny, failed: [ref] }\n`;
    const tested = await cli(["policy", "test", "p.yml", "t.yml"], { "p.yml": FEDERATION, "t.yml": cases });
    expect(tested.out).toMatch(/2 cases: 2 passed, 0 failed/);
    const report = await cli(["policy", "report", "p.yml"], { "p.yml": FEDERATION });
    expect(report.out).toContain(
      '    and grants an OIDC token for aud "sts.amazonaws.com" with sub "environment:aws-production", signed RS256, AWS session tags from repository, environment, ref, for at most 5m',
    );
    const moved = FEDERATION.replace(
      "    aws_session_tags: [repository, environment, ref]\n",
      "    aws_session_tags: [repository, environment, ref]\n    subject: aws:web\n",
    );
    const diff = await cli(["policy", "diff", "a.yml", "b.yml", "--fail-on-widening"], {
      "a.yml": FEDERATION,
      "b.yml": moved,
    });
    expect(diff.code).toBe(1);
    expect(diff.out).toContain("CHANGES    environments.aws-production\n");
    expect(diff.out).toContain(
      "subject: environment:aws-production → aws:web: whoever trusts the new value now gets these tokens",
    );
    expect(diff.out).toContain(
      'the relying party that trusts "environment:aws-production" stops accepting them (its trust breaks until it is updated)',
    );
    const kind = FEDERATION.replace(
      "  vault:\n    kind: oidc\n",
      "  vault:\n    kind: access\n    scopes: [read]\n",
    ).replace("    audience: https://vault.acme.dev\n    algorithm: ES256\n", "    audience: https://vault.acme.dev\n");
    expect((await cli(["policy", "diff", "a.yml", "b.yml"], { "a.yml": FEDERATION, "b.yml": kind })).out).toContain(
      "kind: oidc → access: another kind of credential for the jobs its rules admit",
    );
  });
});
