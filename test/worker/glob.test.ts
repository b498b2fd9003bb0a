import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { asciiLower, compileGlob, MAX_WILDCARDS, patternProblem } from "../../policy/glob";

const matches = (pattern: string, value: string, caseInsensitive = false) =>
  compileGlob(pattern, { caseInsensitive }).matches(value);

/**
 * The obvious backtracking matcher, exponential in the worst case: only for small inputs. With
 * `atIsLiteral`, no wildcard takes an `@` (workflow patterns).
 */
function reference(pattern: string, value: string, atIsLiteral = false): boolean {
  const recurse = (p: string, v: string) => reference(p, v, atIsLiteral);
  if (pattern === "") return value === "";
  if (pattern.startsWith("**")) {
    const rest = pattern.replace(/^\*+/, "");
    for (let i = 0; i <= value.length; i++) {
      if (i > 0 && atIsLiteral && value[i - 1] === "@") break;
      if (recurse(rest, value.slice(i))) return true;
    }
    return false;
  }
  if (pattern[0] === "*") {
    for (let i = 0; i <= value.length; i++) {
      if (i > 0 && (value[i - 1] === "/" || (atIsLiteral && value[i - 1] === "@"))) break;
      if (recurse(pattern.slice(1), value.slice(i))) return true;
    }
    return false;
  }
  if (value === "") return false;
  if (pattern[0] === "?")
    return value[0] !== "/" && !(atIsLiteral && value[0] === "@") && recurse(pattern.slice(1), value.slice(1));
  return pattern[0] === value[0] && recurse(pattern.slice(1), value.slice(1));
}

describe("workflow patterns: no wildcard crosses the @ between file and ref", () => {
  const workflow = (pattern: string, value: string) => compileGlob(pattern, { atIsLiteral: true }).matches(value);

  it("keeps deploy.yml@** to deploy.yml, whatever its ref", () => {
    const pattern = "acme/web/.github/workflows/deploy.yml@**";
    expect(workflow(pattern, "acme/web/.github/workflows/deploy.yml@refs/heads/main")).toBe(true);
    expect(workflow(pattern, "acme/web/.github/workflows/deploy.yml@x.yml@refs/heads/main")).toBe(false);
    expect(matches(pattern, "acme/web/.github/workflows/deploy.yml@x.yml@refs/heads/main")).toBe(true);
    expect(
      workflow("acme/web/.github/workflows/*@refs/heads/main", "acme/web/.github/workflows/a@b@refs/heads/main"),
    ).toBe(false);
    expect(
      workflow("acme/*/.github/workflows/d.yml@refs/tags/v*", "acme/web/.github/workflows/d.yml@refs/tags/v1"),
    ).toBe(true);
    // A literal @ in the pattern still matches one.
    expect(workflow("acme/web/.github/workflows/a@b.yml@**", "acme/web/.github/workflows/a@b.yml@refs/heads/x")).toBe(
      true,
    );
  });

  it("agrees with the reference matcher on random patterns and values", () => {
    const chars = fc.constantFrom("a", "/", "@", ".", "*", "?");
    const pattern = fc.array(chars, { maxLength: 8 }).map((list) => list.join(""));
    const value = fc.array(fc.constantFrom("a", "/", "@", "."), { maxLength: 10 }).map((list) => list.join(""));
    fc.assert(
      fc.property(pattern, value, (p, v) => {
        fc.pre(patternProblem(p) === undefined);
        expect(workflow(p, v)).toBe(reference(p, v, true));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("glob matching", () => {
  it("anchors at both ends", () => {
    expect(matches("refs/heads/main", "refs/heads/main")).toBe(true);
    expect(matches("refs/heads/main", "refs/heads/main-x")).toBe(false);
    expect(matches("refs/heads/main", "xrefs/heads/main")).toBe(false);
    expect(matches("heads/main", "refs/heads/main")).toBe(false);
  });

  it("does not let * or ? cross a slash, but lets ** cross it", () => {
    expect(matches("refs/heads/release/*", "refs/heads/release/1.2")).toBe(true);
    expect(matches("refs/heads/release/*", "refs/heads/release/a/b")).toBe(false);
    expect(matches("refs/heads/release/**", "refs/heads/release/a/b")).toBe(true);
    expect(matches("refs/heads/release/*", "refs/heads/release/")).toBe(true);
    expect(matches("a?c", "abc")).toBe(true);
    expect(matches("a?c", "a/c")).toBe(false);
    expect(matches("a?c", "ac")).toBe(false);
    expect(
      matches("acme/web/.github/workflows/deploy.yml@**", "acme/web/.github/workflows/deploy.yml@refs/heads/main"),
    ).toBe(true);
  });

  it("takes dots, brackets and other regex characters literally", () => {
    expect(matches("v1.2", "v1.2")).toBe(true);
    expect(matches("v1.2", "v1x2")).toBe(false);
    expect(matches("[abc]", "[abc]")).toBe(true);
    expect(matches("[abc]", "a")).toBe(false);
    expect(matches("a+b(c)|d^$\\", "a+b(c)|d^$\\")).toBe(true);
    expect(matches(".*", "anything")).toBe(false);
  });

  it("folds ASCII case only when asked, and only ASCII", () => {
    expect(matches("Acme/Web", "acme/web")).toBe(false);
    expect(matches("Acme/Web", "ACME/web", true)).toBe(true);
    expect(matches("acme/*", "ACME/Anything", true)).toBe(true);
    // The Kelvin sign is not a K, and a dotless i is not an i, whatever Unicode folding says.
    expect(matches("k", "\u212a", true)).toBe(false);
    expect(asciiLower("\u0130STANBUL")).toBe("\u0130stanbul");
  });

  it("stays linear on pathological patterns", () => {
    const value = "a".repeat(100_000);
    expect(matches("*a*a*a*a*a*a*a*b", value)).toBe(false);
    expect(matches("**a**a**a**a**b", value)).toBe(false);
    expect(matches("*a*a*a*a*a*a*a*a", value)).toBe(true);
  });

  it("refuses patterns that are empty, too long, non-ASCII, or too wild", () => {
    expect(patternProblem("")).toBe("empty pattern");
    expect(patternProblem("a".repeat(257))).toMatch(/longer than 256/);
    expect(patternProblem("refs/heads/ma\u00efn")).toMatch(/non-ASCII/);
    expect(patternProblem("refs/heads/\u0000")).toMatch(/control/);
    expect(patternProblem("*".repeat(1) + "/*".repeat(MAX_WILDCARDS))).toMatch(/more than 8 wildcards/);
    expect(patternProblem("*/*/*/*/*/*/*/*")).toBeUndefined();
    expect(() => compileGlob("")).toThrow(TypeError);
  });

  it("agrees with a slow reference matcher on random patterns and values", () => {
    const alphabet = fc.constantFrom("a", "b", "/", ".", "*", "?");
    const valueAlphabet = fc.constantFrom("a", "b", "/", ".", "*", "?");
    const pattern = fc
      .array(alphabet, { minLength: 1, maxLength: 10 })
      .map((chars) => chars.join(""))
      .filter((text) => patternProblem(text) === undefined);
    const value = fc.array(valueAlphabet, { maxLength: 12 }).map((chars) => chars.join(""));
    fc.assert(
      fc.property(pattern, value, (p, v) => {
        expect(matches(p, v)).toBe(reference(p, v));
      }),
      { numRuns: 3000 },
    );
  });

  it("agrees with the reference on patterns that end in their only wildcard (matched as a prefix)", () => {
    const chars = fc.constantFrom("a", "b", "/", ".");
    const prefix = fc.array(chars, { maxLength: 6 }).map((list) => list.join(""));
    const pattern = fc.tuple(prefix, fc.constantFrom("*", "**", "***")).map(([head, tail]) => head + tail);
    const value = fc.array(fc.constantFrom("a", "b", "/", ".", "*"), { maxLength: 10 }).map((list) => list.join(""));
    fc.assert(
      fc.property(pattern, value, fc.boolean(), (p, v, fold) => {
        const subject = fold ? v.toUpperCase() : v;
        expect(compileGlob(p, { caseInsensitive: fold }).matches(subject)).toBe(reference(p, fold ? v : subject));
      }),
      { numRuns: 3000 },
    );
  });

  it("matches every value built from the pattern itself", () => {
    // Replace each wildcard with a run it may match: the result must always match.
    const piece = fc.constantFrom("a", "b", ".", "-");
    const part = fc.oneof(piece, fc.constant("*"), fc.constant("**"), fc.constant("?"), fc.constant("/"));
    fc.assert(
      fc.property(
        fc.array(part, { minLength: 1, maxLength: 8 }),
        fc.array(fc.string({ maxLength: 3 }), { minLength: 8, maxLength: 8 }),
        (parts, fills) => {
          const pattern = parts.join("");
          fc.pre(patternProblem(pattern) === undefined);
          const safe = fills.map((fill) => fill.replace(/[^a-z]/g, "x"));
          const value = parts
            .map((p, i) => (p === "*" ? safe[i] : p === "**" ? `${safe[i]}/${safe[i]}` : p === "?" ? "q" : p))
            .join("");
          expect(matches(pattern, value)).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
