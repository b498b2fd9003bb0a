/**
 * The `github` kind in the policy: github_apps and kind: github environments validated against
 * GitHub's permission names and levels (generated from GitHub's OpenAPI description, and checked
 * here against it), organization permissions only when allowed, what the kind refuses, and what
 * diff calls wider.
 */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { diffPolicies } from "../../policy/diff";
import { GITHUB_PERMISSIONS } from "../../policy/kinds/github-permissions";
import { compilePolicy } from "../../policy/policy-text";

const policy = (environment: string, apps = "github_apps:\n  bot: { client_id: Iv23liAbCdEfGh }\n") => `version: 1
${apps}environments:
  web-contents:
    kind: github
${environment}    rules:
      - { repository_id: 1, ref: refs/heads/main, environment: ci }
`;
const SETTINGS =
  "    app: bot\n    owner: acme\n    repositories: [web, docs]\n    permissions: { contents: write, pull_requests: read }\n";
const errors = (text: string) => {
  const result = compilePolicy(text);
  return result.ok ? [] : result.problems.map((problem) => `${problem.path}: ${problem.message}`);
};

describe("github environments in the policy", () => {
  it("accepts an app and an environment, and derives what a request may ask for", () => {
    const result = compilePolicy(policy(SETTINGS));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const environment = result.policy.environments.get("web-contents");
    expect(environment?.kind).toBe("github");
    expect(environment?.scopes).toEqual(["contents:read", "contents:write", "pull_requests:read"]);
    expect(environment?.defaultScopes).toEqual(["contents:write", "pull_requests:read"]);
    expect(environment?.github?.app).toEqual({
      name: "bot",
      issuer: "Iv23liAbCdEfGh",
      apiUrl: "https://api.github.com",
    });
  });

  it("knows GitHub's permission names and levels, with a suggestion for a misspelling", () => {
    const permissions = (value: string) =>
      errors(policy(SETTINGS.replace("{ contents: write, pull_requests: read }", value)));
    expect(permissions("{ content: write }")).toEqual([
      'environments.web-contents.permissions.content: not a GitHub permission; did you mean "contents"?',
    ]);
    expect(permissions("{ workflows: read }")).toEqual([
      "environments.web-contents.permissions.workflows: must be write (what GitHub allows for workflows)",
    ]);
    expect(permissions("{ contents: admin }")).toEqual([
      "environments.web-contents.permissions.contents: must be read or write (what GitHub allows for contents)",
    ]);
    expect(permissions("{ repository_projects: admin }")).toEqual([]);
    expect(permissions("{ members: read }")[0]).toMatch(
      /an organization permission: set organization_permissions: true/,
    );
    expect(
      errors(
        policy(
          `${SETTINGS.replace("{ contents: write, pull_requests: read }", "{ members: read }")}    organization_permissions: true\n`,
        ),
      ),
    ).toEqual([]);
    expect(permissions("{ toString: read }")[0]).toMatch(/toString: not a GitHub permission/);
    expect(permissions("{}")[0]).toMatch(/must map GitHub permission names to levels/);
    // The table is GitHub's: every name has levels out of read, write, admin.
    expect(Object.keys(GITHUB_PERMISSIONS).length).toBeGreaterThan(40);
    for (const levels of Object.values(GITHUB_PERMISSIONS))
      for (const level of levels) expect(["read", "write", "admin"]).toContain(level);
  });

  it("refuses what the kind does not have, a missing app, and bad repositories, each with its reason", () => {
    for (const [key, value] of [
      ["audience", "x"],
      ["scopes", "[x]"],
      ["dpop", "required"],
      ["narrowing", "allowed"],
      ["ttl", "10m"],
      ["max_ttl", "1h"],
    ]) {
      expect(errors(policy(`${SETTINGS}    ${key}: ${value}\n`)), key).toEqual([
        expect.stringMatching(new RegExp(`^environments\\.web-contents\\.${key}: `)),
      ]);
    }
    expect(errors(policy(SETTINGS.replace("app: bot", "app: bto")))).toEqual([
      'environments.web-contents.app: not an app of github_apps; did you mean "bot"?',
    ]);
    expect(errors(policy(SETTINGS.replace("[web, docs]", "[]")))[0]).toMatch(/must list 1 to 500 repository names/);
    expect(
      errors(
        policy(SETTINGS.replace("[web, docs]", `[${Array.from({ length: 501 }, (_, i) => `r${i}`).join(", ")}]`)),
      )[0],
    ).toMatch(/1 to 500/);
    expect(errors(policy(SETTINGS.replace("[web, docs]", "[acme/web]")))[0]).toMatch(/a repository name under owner/);
    expect(errors(policy(SETTINGS.replace("[web, docs]", "[web, WEB]")))[0]).toMatch(/listed twice/);
    expect(errors(policy(SETTINGS, "github_apps:\n  bot: { client_id: Iv23li, app_id: 12 }\n"))[0]).toMatch(
      /give client_id \(recommended\) or app_id: one of them/,
    );
    expect(
      errors(policy(SETTINGS, "github_apps:\n  bot: { app_id: 12, api_url: http://ghes.example/api/v3 }\n"))[0],
    ).toMatch(/https URL \(http only on a loopback host\)/);
    expect(errors(policy(SETTINGS, "github_apps:\n  bot: { app_id: 12, api_url: http://127.0.0.1:9/api }\n"))).toEqual(
      [],
    );
    expect(errors(policy(`${SETTINGS}    subject: environment:x\n`))[0]).toMatch(/subject is for kind: oidc only/);
    expect(
      errors(
        `version: 1\nenvironments:\n  s:\n    scopes: [x]\n    owner: acme\n    rules: [{ repository_id: 1 }]\n`,
      )[0],
    ).toMatch(/owner is for kind: github only/);
  });

  it("diff: a raised permission or an added repository widens, the reverse narrows, another API is a trust change", () => {
    const value = (text: string) => parse(text) as Record<string, unknown>;
    const base = value(policy(SETTINGS));
    const effects = (head: string) =>
      diffPolicies(base, value(head)).changes.map((change) => `${change.effect} ${change.reasons.join("; ")}`);
    expect(effects(policy(SETTINGS.replace("pull_requests: read", "pull_requests: write")))).toEqual([
      "widens permissions.pull_requests: read → write",
    ]);
    expect(effects(policy(SETTINGS.replace("[web, docs]", "[web, docs, infra]")))).toEqual([
      "widens repositories: web | docs → web | docs | infra: adds infra",
    ]);
    expect(effects(policy(SETTINGS.replace("[web, docs]", "[web]")))).toEqual([
      "narrows repositories: web | docs → web: drops docs",
    ]);
    expect(
      diffPolicies(
        base,
        value(
          policy(SETTINGS, "github_apps:\n  bot: { client_id: Iv23liAbCdEfGh, api_url: https://evil.example/api }\n"),
        ),
      ).changes[0],
    ).toMatchObject({
      path: "github_apps.bot",
      effect: "widens",
    });
  });
});
