/** `downscope policy diff`: text, Markdown and JSON; --fail-on-widening; bad sides; hostile names. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { markdownText } from "../../cli/policy-diff";
import { cli } from "../support/cli-io";

const EXAMPLE = readFileSync("examples/policy.yml", "utf8");
const WIDER = EXAMPLE.replace("ref: [refs/heads/main, refs/heads/release/*]", "ref: refs/heads/**");

describe("policy diff", () => {
  it("says what a change of the example policy does, in words", async () => {
    const result = await cli(["policy", "diff", "base.yml", "head.yml"], { "base.yml": EXAMPLE, "head.yml": WIDER });
    expect(result).toEqual({
      code: 0,
      err: "",
      out: [
        'WIDENS     environments.staging.rules["web deploys from main"]',
        '           ref: refs/heads/main | refs/heads/release/* → refs/heads/**: also admits values such as "refs/heads/x"',
        "1 change: 1 widen, 0 narrow, 0 both, 0 label only.",
        "",
      ].join("\n"),
    });
  });

  it("fails with --fail-on-widening only when something widens", async () => {
    const files = { "base.yml": EXAMPLE, "head.yml": WIDER };
    expect((await cli(["policy", "diff", "base.yml", "head.yml", "--fail-on-widening"], files)).code).toBe(1);
    expect((await cli(["policy", "diff", "head.yml", "base.yml", "--fail-on-widening"], files)).code).toBe(0);
    const same = await cli(["policy", "diff", "base.yml", "base.yml", "--fail-on-widening"], files);
    expect(same).toMatchObject({ code: 0, out: "No change to what the policy grants.\n" });
  });

  it("prints Markdown for a pull-request comment and JSON for machines", async () => {
    const files = { "base.yml": EXAMPLE, "head.yml": WIDER };
    const markdown = await cli(["policy", "diff", "base.yml", "head.yml", "--markdown"], files);
    expect(markdown.out).toContain('| 🔓 widens | environments.staging.rules\\["web deploys from main"\\] |');
    const json = JSON.parse((await cli(["policy", "diff", "base.yml", "head.yml", "--json"], files)).out);
    expect(json).toMatchObject({
      widens: true,
      changes: [{ effect: "widens", path: expect.stringContaining("web deploys") }],
    });
  });

  it("refuses an invalid head, naming it, and compares an invalid base as no policy", async () => {
    const broken = EXAMPLE.replace("ref_type: branch", "ref_typ: branch");
    const head = await cli(["policy", "diff", "base.yml", "head.yml"], { "base.yml": EXAMPLE, "head.yml": broken });
    expect(head.code).toBe(1);
    expect(head.err).toContain("the head policy head.yml is invalid");
    expect(head.err).toContain('unknown key, did you mean "ref_type"?');
    const base = await cli(["policy", "diff", "base.yml", "head.yml"], { "base.yml": broken, "head.yml": EXAMPLE });
    expect(base.code).toBe(0);
    expect(base.out).toContain("note: the base policy base.yml is invalid (1 problem");
    expect(base.out).toContain("comparing with no policy");
    expect(base.out).toContain("WIDENS     environments.staging");
    expect((await cli(["policy", "diff", "nope.yml", "head.yml"], { "head.yml": EXAMPLE })).err).toContain(
      'cannot read the base policy "nope.yml"',
    );
  });

  it("fails --fail-on-widening on moved issuer keys, a first-match widening and an undecided comparison", async () => {
    const gate = async (base: string, head: string) =>
      (
        await cli(["policy", "diff", "base.yml", "head.yml", "--fail-on-widening"], {
          "base.yml": base,
          "head.yml": head,
        })
      ).code;
    const ghes = (jwks: string) =>
      EXAMPLE.replace(
        "environments:",
        `issuers:\n  - issuer: https://ghes.example/_services/token${jwks}\nenvironments:`,
      );
    expect(await gate(ghes(""), ghes("\n    jwks_uri: https://elsewhere.example/jwks"))).toBe(1);
    // A second, short-lived staging rule for main only, above the example's: then deleted.
    const short = EXAMPLE.replace(
      "    rules:\n      - name: web deploys from main",
      "    rules:\n      - { name: main is short, repository_id: 123456, ref: refs/heads/main, max_ttl: 2m }\n      - name: web deploys from main",
    );
    expect(await gate(EXAMPLE, short)).toBe(1); // a new rule, as any new rule
    const result = await cli(["policy", "diff", "base.yml", "head.yml", "--fail-on-widening"], {
      "base.yml": short,
      "head.yml": EXAMPLE,
    });
    expect(result.code).toBe(1);
    expect(result.out).toContain("WIDENS     environments.staging.rules\n");
    expect(result.out).toContain(
      'now gets up to 900 s under "web deploys from main" (before: up to 120 s under "main is short")',
    );
    const wild = (last: string) =>
      EXAMPLE.replace(
        "ref: [refs/heads/main, refs/heads/release/*]",
        `ref: ${JSON.stringify([..."abcd", last].map((letter) => `refs/**${letter}??????`))}`,
      );
    const undecided = await cli(["policy", "diff", "base.yml", "head.yml", "--fail-on-widening"], {
      "base.yml": wild("e"),
      "head.yml": wild("f"),
    });
    expect(undecided.code).toBe(1);
    expect(undecided.out).toMatch(
      /^UNDECIDED {2}environments\.staging\n {11}not decided: the analysis needed more than/,
    );
  });

  it("escapes rule names in text and in Markdown", async () => {
    const named = (name: string) => EXAMPLE.replace("name: web deploys from main", `name: "${name}"`);
    const files = { "base.yml": named("a"), "head.yml": named("a ::error::x | <b>").replace("ref_type: branch", "") };
    const text = await cli(["policy", "diff", "base.yml", "head.yml"], files);
    expect(text.out).not.toContain("::error::");
    const markdown = await cli(["policy", "diff", "base.yml", "head.yml", "--markdown"], files);
    expect(markdown.out).toContain("\\| \\<b\\>");
    expect(markdown.out).not.toContain("<b>");
    // No mention, no link, no reordered text, no legacy workflow command in a comment.
    const loud = named("a").replace(
      'name: "a"',
      'name: "cc @acme/admins see https://evil.example www.evil.example ##[add-mask]x"',
    );
    const comment = (
      await cli(["policy", "diff", "base.yml", "head.yml", "--markdown"], { "base.yml": named("a"), "head.yml": loud })
    ).out;
    expect(comment).toContain(
      "cc @\u200bacme/admins see https:\u200b//evil.example www\u200b.evil.example \\#\u200b\\#\\[add-mask\\]x",
    );
    expect(comment).not.toMatch(/@acme|https:\/\/evil|www\.evil|##\[/);
    // Names refuse bidirectional characters; any other text still shows them as escapes.
    expect(markdownText("a\u202eb\u2066c\u200bd")).toBe("a\\\\u202eb\\\\u2066c\\\\u200bd");
  });
});

it("prints what the policy guide (docs/policy.md) shows", async () => {
  const guide = readFileSync("docs/policy.md", "utf8");
  const shown = guide.slice(guide.indexOf("staging rule changed to `ref: refs/heads/*`:"));
  const block = shown.slice(shown.indexOf("```\n") + 4, shown.indexOf("   ```", shown.indexOf("```\n") + 4));
  const expected = block
    .split("\n")
    .map((line) => line.replace(/^ {3}/, ""))
    .join("\n");
  const head = EXAMPLE.replace("ref: [refs/heads/main, refs/heads/release/*]", "ref: refs/heads/*");
  const result = await cli(["policy", "diff", "base.yml", "head.yml"], { "base.yml": EXAMPLE, "head.yml": head });
  expect(result.out).toBe(expected);
});
