/**
 * End to end: the policy-review action (dist/policy-review/, as a child process, as the runner
 * starts it) against a fake GitHub REST API on loopback. One comment per pull request, found
 * again and updated; a missing permission explained; bad input refused with a clear message;
 * untrusted policy text escaped in the comment and the log.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { errorAnnotation, runActionStep } from "../../scripts/fake-runner.mjs";
import { largePolicyText } from "../../scripts/large-policy.mjs";
import { type FakeGitHubApi, startFakeGitHubApi } from "../support/fake-github-api";

const BASE_SHA = "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567";
const EXAMPLE = readFileSync("examples/policy.yml", "utf8");
const CASES = readFileSync("examples/policy.test.yml", "utf8");
const WIDENED = EXAMPLE.replace("    max_ttl: 30m\n", "    max_ttl: 30m\n    narrowing: allowed\n").replace(
  "ref: [refs/heads/main, refs/heads/release/*]",
  "ref: [refs/heads/main, refs/heads/release/*, refs/heads/hotfix/*]",
);

let api: FakeGitHubApi;
let workspace: string;

beforeAll(async () => {
  api = await startFakeGitHubApi({ owner: "acme", repo: "policies" });
  workspace = mkdtempSync(join(tmpdir(), "downscope-review-"));
  writeFileSync(
    join(workspace, "event.json"),
    JSON.stringify({ pull_request: { number: 7, base: { sha: BASE_SHA } } }),
  );
});

afterAll(async () => {
  await api?.stop();
  rmSync(workspace, { recursive: true, force: true });
});

beforeEach(() => {
  api.files = { [BASE_SHA]: { "downscope/policy.yml": EXAMPLE } };
  api.comments = [];
  api.readOnly = false;
  api.requests.length = 0;
});

function checkout(files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(workspace, path)), { recursive: true });
    writeFileSync(join(workspace, path), text);
  }
}

function review(inputs: Record<string, string> = {}, env: Record<string, string> = {}) {
  return runActionStep("policy-review/index", {
    inputs: {
      policy: "downscope/policy.yml",
      tests: "downscope/policy.test.yml",
      "base-ref": "",
      comment: "true",
      "fail-on-widening": "false",
      "github-token": api.token,
      ...inputs,
    },
    env: {
      GITHUB_API_URL: api.url,
      GITHUB_REPOSITORY: "acme/policies",
      GITHUB_EVENT_NAME: "pull_request",
      GITHUB_EVENT_PATH: join(workspace, "event.json"),
      GITHUB_WORKSPACE: workspace,
      ...env,
    },
  });
}

describe("the policy-review action", () => {
  it("checks, tests and diffs a widening change, comments once, then updates that comment", async () => {
    checkout({ "downscope/policy.yml": WIDENED, "downscope/policy.test.yml": CASES });
    // Someone else's comment that carries the marker is never taken over.
    api.comments.push(
      { id: 1, body: "lgtm", user: { login: "octocat", type: "User" }, html_url: "https://github.example/1" },
      {
        id: 2,
        body: "<!-- downscope-policy-review downscope%2Fpolicy.yml -->\nall fine, nothing widens",
        user: { login: "mallory", type: "User" },
        html_url: "https://github.example/2",
      },
      {
        id: 3,
        body: "<!-- downscope-policy-review downscope%2Fpolicy.yml -->\nanother app says: nothing widens",
        user: { login: "other-app[bot]", type: "Bot" },
        html_url: "https://github.example/3",
      },
    );
    const first = await review();
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.outputs).toMatchObject({ widens: "true", changes: "2" });
    expect(api.comments).toHaveLength(4);
    const ours = api.comments[3];
    expect(ours.user.type).toBe("Bot");
    expect(first.outputs["comment-url"]).toBe(ours.html_url);
    expect(api.comments[1].body).toBe(
      "<!-- downscope-policy-review downscope%2Fpolicy.yml -->\nall fine, nothing widens",
    );
    expect(api.comments[2].body).toContain("another app says");
    expect(ours.body.startsWith("<!-- downscope-policy-review downscope%2Fpolicy.yml -->\n")).toBe(true);
    expect(ours.body).toContain("| check | ✅ valid, no warnings |");
    expect(ours.body).toMatch(
      /\| tests \(<code>downscope\/policy\.test\.yml<\/code>\) \| ✅ \d+ cases: \d+ passed, 0 failed \|/,
    );
    expect(ours.body).toContain("🔓 widens access: review each row below");
    expect(ours.body).toContain(
      "| 🔓 widens | environments.staging | narrowing: denied → allowed: holders may mint narrower tokens for sub-tasks |",
    );
    expect(ours.body).toContain(
      '| 🔓 widens | environments.staging.rules\\["web deploys from main"\\] | ref: refs/heads/main \\| refs/heads/release/\\* → refs/heads/main \\| refs/heads/release/\\* \\| refs/heads/hotfix/\\*: also admits values such as "refs/heads/hotfix/x" |',
    );
    expect(first.summary).toContain(ours.body);
    // The policy guide (docs/policy.md) shows this very comment.
    const guide = readFileSync("docs/policy.md", "utf8");
    const shown = guide.slice(guide.indexOf("```markdown\n", guide.indexOf("(from the end-to-end test):")) + 12);
    const block = shown.slice(0, shown.indexOf("   ```"));
    expect(block.replace(/^ {3}/gm, "").trimEnd()).toBe(ours.body);
    // The log says the same in text, and where the comment is.
    expect(first.stdout).toContain("WIDENS     environments.staging");
    expect(first.stdout).toContain(`created the review comment: ${ours.html_url}`);
    // The base came from the API at the pull request's base commit, with the token.
    expect(api.requests).toContainEqual({
      method: "GET",
      path: "/repos/acme/policies/contents/downscope%2Fpolicy.yml",
      authorized: true,
    });

    // The author narrows it back: the same comment is updated, no second one appears.
    checkout({ "downscope/policy.yml": EXAMPLE.replace("    ttl: 5m\n", "    ttl: 5m\n    dpop: required\n") });
    const second = await review();
    expect(second.code).toBe(0);
    expect(second.outputs).toMatchObject({ widens: "false", changes: "1", "comment-url": ours.html_url });
    expect(api.comments).toHaveLength(4);
    expect(api.comments[3].body).toContain("🔒 no widening");
    expect(api.comments[3].body).toContain("| 🔒 narrows |");
    expect(api.comments[2].body).toContain("another app says"); // still as its author wrote it
    // Who the token writes as was asked of GraphQL (an installation token cannot read /user).
    expect(api.requests).toContainEqual({ method: "POST", path: "/graphql", authorized: true });
    expect(api.requests.filter((request) => request.method === "PATCH")).toHaveLength(1);
    expect(second.stdout).toContain(`updated the review comment: ${ours.html_url}`);
  });

  it("fails on widening when asked, so that a ruleset can require a second approval", async () => {
    checkout({ "downscope/policy.yml": WIDENED, "downscope/policy.test.yml": CASES });
    const result = await review({ "fail-on-widening": "true" });
    expect(result.code).toBe(1);
    expect(errorAnnotation(result.stdout)).toBe("downscope policy review: the change widens access (fail-on-widening)");
    expect(api.comments).toHaveLength(1); // the comment is still written, for the reviewer
  });

  it("explains a missing pull-requests: write and still reviews, in the job summary", async () => {
    checkout({ "downscope/policy.yml": WIDENED, "downscope/policy.test.yml": CASES });
    api.readOnly = true;
    const result = await review();
    expect(result.code).toBe(0);
    const warning = result.stdout.split("\n").find((line) => line.startsWith("::warning"));
    expect(decodeURIComponent(warning ?? "")).toContain(
      "cannot comment on pull request #7 (HTTP 403): the token needs `pull-requests: write`. Add to the job:\n  permissions:\n    contents: read\n    pull-requests: write\nor set `comment: false`",
    );
    expect(result.summary).toContain("🔓 widens access");
    expect(api.comments).toHaveLength(0);
  });

  it("annotates an invalid head on its line, fails, and compares nothing", async () => {
    checkout({ "downscope/policy.yml": EXAMPLE.replace("ref_type: branch", "ref_typ: branch") });
    const result = await review();
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '::error file=downscope/policy.yml,line=19,col=9,title=downscope policy::environments.staging.rules[0].ref_typ: unknown key, did you mean "ref_type"?',
    );
    expect(result.stdout).toContain(
      "\n::error::downscope policy review: downscope/policy.yml has 1 error and 0 warnings\n",
    );
    expect(api.comments[0].body).toContain(
      "| tests (<code>downscope/policy.test.yml</code>) | not run: the policy is invalid |",
    );
    expect(api.comments[0].body).toContain("not compared: the policy is invalid");
    expect(api.requests.some((request) => request.path.includes("/contents/"))).toBe(false);
  });

  it("compares a new policy file with no policy, and says so", async () => {
    checkout({ "downscope/policy.yml": EXAMPLE, "downscope/policy.test.yml": CASES });
    api.files = {};
    const result = await review({ comment: "false" });
    expect(result.code).toBe(0);
    expect(result.outputs.widens).toBe("true");
    expect(result.summary).toContain(
      `there is no base policy downscope/policy.yml at ${BASE_SHA}: comparing with no policy`,
    );
    expect(api.requests.some((request) => request.method !== "GET")).toBe(false);

    // A base that does not validate (the head fixes it): reported with its first problem, then
    // compared as no policy, which can only show more widening.
    api.files = { [BASE_SHA]: { "downscope/policy.yml": EXAMPLE.replace("ref_type: branch", "ref_type: twig") } };
    const fixed = await review({ comment: "false" });
    expect(fixed.code).toBe(0);
    expect(fixed.outputs.widens).toBe("true");
    expect(fixed.stdout).toContain(
      `note: the base policy downscope/policy.yml at ${BASE_SHA} is invalid (1 problem, first: 19:9: error: environments.staging.rules[0].ref_type: must be one of "branch", "tag"): comparing with no policy`,
    );
    expect(fixed.summary).toContain(`> the base policy downscope/policy.yml at ${BASE_SHA} is invalid (1 problem`);
  });

  it("fails when the cases fail, and shows their output", async () => {
    checkout({
      "downscope/policy.yml": EXAMPLE.replace("refs/heads/main, refs/heads/release/*", "refs/heads/release/*"),
      "downscope/policy.test.yml": CASES,
    });
    const result = await review();
    expect(result.code).toBe(1);
    expect(errorAnnotation(result.stdout)).toContain("the cases in downscope/policy.test.yml fail");
    expect(api.comments[0].body).toContain("<details><summary>test output</summary>");
    expect(api.comments[0].body).toMatch(/\| ❌ \d+ cases: \d+ passed, [1-9]\d* failed \|/);
  });

  it("escapes untrusted rule names in the comment and the log", async () => {
    const hostile =
      "<img src=x onerror=alert(1)> ::warning::pwned | `x` [link](https://evil.example) x ##[add-mask]WIDENS cc @acme/admins";
    checkout({
      "downscope/policy.yml": EXAMPLE.replace("name: web deploys from main", `name: "${hostile}"`),
      "downscope/policy.test.yml": "",
    });
    const result = await review({ tests: "" });
    expect(result.code).toBe(0);
    const body = api.comments[0].body;
    expect(body).not.toMatch(/(^|[^\\])<img/m); // \< is a literal < in Markdown
    expect(body).not.toContain("[link](");
    expect(body).toContain("\\<img src=x onerror=alert(1)\\>");
    expect(result.stdout.split("\n").some((line) => line.startsWith("::warning::pwned"))).toBe(false);
    expect(result.stdout).not.toMatch(/^.*[^\u200b]::warning::pwned/m);
    // The runner reads `##[command]` anywhere in a line; GitHub mentions and links what it can.
    expect(result.stdout).not.toContain("##[");
    expect(body).not.toContain("##[");
    expect(body).not.toMatch(/@acme|https:\/\/evil/);
  });

  it("truncates a comment that would exceed GitHub's limit, with a count, widenings first", async () => {
    const base = largePolicyText(2000);
    const head = base.replaceAll("refs/heads/release/*]", "refs/heads/release/**]");
    api.files = { [BASE_SHA]: { "big.yml": base } };
    checkout({ "big.yml": head });
    const result = await review({ policy: "big.yml", tests: "" });
    expect(result.code).toBe(0);
    expect(result.outputs.changes).toBe("2000");
    const body = api.comments[0].body;
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toMatch(/… and \d+ more changes not shown here: run `downscope policy diff` for all of them\.$/);
    const shown = body.split("\n").filter((line) => line.startsWith("| 🔓 widens |")).length;
    const left = Number(body.match(/… and (\d+) more/)?.[1]);
    expect(shown + left).toBe(2000);
    expect(result.summary.length).toBeGreaterThan(body.length); // the summary holds up to 1 MiB
  });

  it("refuses bad input with a message that says what to write", async () => {
    checkout({ "downscope/policy.yml": EXAMPLE });
    const outside = await review({ policy: "../../etc/passwd" });
    expect(outside.code).toBe(1);
    expect(errorAnnotation(outside.stdout)).toBe(
      'downscope policy review: the policy input "../../etc/passwd" must be a file path inside the repository, relative to its root (e.g. downscope/policy.yml)',
    );
    const missing = await review({ policy: "nope.yml" });
    expect(errorAnnotation(missing.stdout)).toBe(
      'downscope policy review: cannot read the head policy "nope.yml" (ENOENT)',
    );
    const flag = await review({ comment: "yes please" });
    expect(errorAnnotation(flag.stdout)).toBe(
      'downscope policy review: the comment input must be true or false, not "yes please"',
    );
    const push = await review({}, { GITHUB_EVENT_NAME: "push", GITHUB_EVENT_PATH: join(workspace, "none.json") });
    expect(errorAnnotation(push.stdout)).toBe(
      "downscope policy review: this is not a pull_request event, so there is no base to compare with: set the base-ref input (a branch or commit)",
    );
    const ref = await review({ "base-ref": "main; rm -rf /" });
    expect(errorAnnotation(ref.stdout)).toBe(
      'downscope policy review: the base-ref input "main; rm -rf /" is not a branch or commit',
    );
    const token = await review({ "github-token": "ghs_wrong" });
    expect(errorAnnotation(token.stdout)).toMatch(
      /^downscope policy review: cannot read downscope\/policy\.yml at the base [0-9a-f]+ \(HTTP 401\)/,
    );
    expect(token.stdout + token.stderr).not.toContain("ghs_wrong");
    for (const result of [outside, missing, flag, push, ref]) expect(result.code).toBe(1);
    expect(api.comments).toHaveLength(0);
  });

  it("reads no file through a symbolic link that leads outside the checkout", async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), "downscope-outside-"));
    try {
      // A secret-looking file on the runner, and a pull request that links to it.
      writeFileSync(
        join(elsewhere, "secret.yml"),
        EXAMPLE.replace("name: web deploys from main", "name: s3cr3t-value"),
      );
      checkout({ "downscope/policy.test.yml": CASES });
      rmSync(join(workspace, "downscope/policy.yml"), { force: true });
      symlinkSync(join(elsewhere, "secret.yml"), join(workspace, "downscope/policy.yml"));
      const linked = await review();
      expect(linked.code).toBe(1);
      expect(errorAnnotation(linked.stdout)).toBe(
        'downscope policy review: "downscope/policy.yml" leads outside the repository (a symbolic link?): only files of the checkout are read',
      );
      expect(linked.stdout + linked.stderr + linked.summary).not.toContain("s3cr3t");
      // A link inside the checkout is an ordinary file of it.
      rmSync(join(workspace, "downscope/policy.yml"));
      checkout({ "policies/real.yml": EXAMPLE });
      symlinkSync(join(workspace, "policies/real.yml"), join(workspace, "downscope/policy.yml"));
      expect((await review()).code).toBe(0);
    } finally {
      rmSync(join(workspace, "downscope/policy.yml"), { force: true });
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
