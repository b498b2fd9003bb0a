/**
 * The README's short tour shows a policy and the denial a workflow's author reads when a job runs
 * from another branch. That denial is computed here, with the tour's own policy, the policy
 * engine the service runs, and the action's own renderer: when any of them changes what an author
 * would see, the README fails here.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { renderRefusal } from "../../action/report";
import { evaluatePolicy } from "../../policy/evaluate";
import { compilePolicy } from "../../policy/policy-text";
import { githubClaims } from "../../scripts/fake-github.mjs";
import { ERROR_DESCRIPTIONS } from "../../worker/http/errors";

const readme = readFileSync("README.md", "utf8");
const tour = readme.slice(readme.indexOf("## A short tour"), readme.indexOf("## Find your page"));
const block = (lang: string, index = 0) =>
  [...tour.matchAll(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``, "g"))].map((match) => match[1] ?? "")[index] ?? "";

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("the README's short tour", () => {
  it("shows the denial the action prints for a job on another branch, under the tour's policy", () => {
    const compiled = compilePolicy(block("yaml", 1));
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
    const ref = "refs/heads/feature/x";
    const claims = githubClaims({ ref, job_workflow_ref: `acme/web/.github/workflows/deploy.yml@${ref}` });
    const decision = evaluatePolicy(compiled.policy, claims, { environment: "staging" });
    expect(decision.allowed).toBe(false);
    if (decision.allowed) return;
    expect(decision.reason).toBe("no_rule_matched");
    const body = {
      error: decision.error,
      error_description: ERROR_DESCRIPTIONS.no_rule_matched,
      ...(decision.denial ? { denial: decision.denial } : {}),
    };
    // The GitHub token as the action holds it (its signature plays no part in what is shown).
    const token = `${encode({ alg: "RS256", typ: "JWT" })}.${encode(claims)}.c2ln`;
    expect(block("text")).toBe(`${renderRefusal(400, body, token)}\n`);
  });

  it("shows a workflow that uses the action's real inputs and outputs", () => {
    const workflow = parse(block("yaml", 0));
    expect(workflow.permissions["id-token"]).toBe("write");
    const action = parse(readFileSync("action.yml", "utf8"));
    const step = workflow.jobs.deploy.steps.find((each: { uses?: string }) => each.uses?.includes("downscope@"));
    for (const input of Object.keys(step.with)) expect(Object.keys(action.inputs)).toContain(input);
    for (const output of block("yaml", 0).matchAll(/outputs\.([\w-]+)/g)) {
      expect(Object.keys(action.outputs)).toContain(output[1]);
    }
  });
});
