import { describe, expect, it } from "vitest";
import { readPolicyDocument } from "../../policy/document";
import { compilePolicy } from "../../policy/policy-text";

function problemsOf(text: string) {
  const result = compilePolicy(text);
  if (result.ok) throw new Error("expected the policy to be refused");
  return result.problems;
}

const MINIMAL = `version: 1
environments:
  staging:
    scopes: [deploy]
    rules:
      - repository: acme/web
        repository_id: 1
        environment: staging
`;

describe("reading policy text safely", () => {
  it("reads YAML and JSON alike", () => {
    expect(compilePolicy(MINIMAL).ok).toBe(true);
    const json = JSON.stringify({
      version: 1,
      environments: { staging: { scopes: ["deploy"], rules: [{ repository_id: 1, environment: "staging" }] } },
    });
    expect(compilePolicy(json).ok).toBe(true);
  });

  it("refuses empty text and more than one document", () => {
    expect(problemsOf("")[0].message).toBe("the policy is empty");
    expect(problemsOf("  \n# only a comment\n")[0].message).toMatch(/empty/);
    const two = problemsOf(`${MINIMAL}---\n${MINIMAL}`);
    expect(two[0]).toMatchObject({ message: "the policy must be a single YAML document", line: 9 });
  });

  it("refuses duplicate keys, with their position", () => {
    const problems = problemsOf("version: 1\nversion: 1\nenvironments: {}\n");
    expect(problems[0].message).toMatch(/unique/);
    expect(problems[0].line).toBe(2);
  });

  it("refuses tags of every kind, standard or custom", () => {
    expect(problemsOf("version: !!int 1\nenvironments: {}\n")[0].message).toMatch(/tags such as tag:yaml.org,2002:int/);
    expect(problemsOf("version: 1\nenvironments: !!js/function 'x'\n")[0].message).toMatch(/tags/);
    expect(problemsOf("version: 1\nenvironments: !custom {}\n")[0].message).toMatch(/tags/);
  });

  it("refuses directives, so YAML 1.1 cannot come back", () => {
    const problems = problemsOf(`%YAML 1.1\n---\n${MINIMAL}`);
    expect(problems[0]).toMatchObject({ message: expect.stringMatching(/directives/), line: 1 });
  });

  it("reads YAML 1.1 booleans as strings, which validation then refuses where they do not fit", () => {
    const read = readPolicyDocument("a: yes\nb: on\nc: no\nd: true\n");
    expect(read.ok && read.document.value).toEqual({ a: "yes", b: "on", c: "no", d: true });
    const problems = problemsOf(MINIMAL.replace("scopes: [deploy]", "scopes: [deploy]\n    dpop: yes"));
    expect(problems[0]).toMatchObject({
      path: "environments.staging.dpop",
      message: 'must be one of "optional", "required"',
    });
    const ref = problemsOf(MINIMAL.replace("environment: staging", "environment: true"));
    expect(ref[0].message).toMatch(/must be a string, not the boolean true \(quote it\)/);
  });

  it("bounds alias expansion (billion laughs)", () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let level = 1; level <= 6; level++) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      lines.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(", ")}]`);
    }
    const problems = problemsOf(lines.join("\n"));
    expect(problems[0].message).toMatch(/aliases/);
  });

  it("bounds nesting depth", () => {
    const deep = `${"[".repeat(40)}${"]".repeat(40)}`;
    expect(problemsOf(`version: 1\nenvironments: ${deep}\n`)[0].message).toMatch(/nested deeper than 32/);
  });

  it("refuses __proto__ and friends as keys, without touching any prototype", () => {
    const problems = problemsOf(`version: 1\n__proto__: { polluted: true }\nenvironments: {}\n`);
    expect(problems[0]).toMatchObject({ path: "__proto__", message: '"__proto__" is a reserved key' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const inClaims = problemsOf(MINIMAL.replace("environment: staging", "claims: { constructor: x }"));
    expect(inClaims[0].message).toMatch(/reserved key/);
  });

  it("refuses non-string keys and YAML syntax errors with a position", () => {
    expect(problemsOf("version: 1\n[a]: 1\n")[0].message).toMatch(/keys must be plain strings|keys/);
    const syntax = problemsOf("version: 1\nenvironments:\n  staging: [\n");
    expect(syntax[0].line).toBeGreaterThanOrEqual(3);
  });
});
