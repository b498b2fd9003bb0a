/**
 * Exact glob containment (policy/glob-containment.ts), for `policy diff`: checked against the
 * matcher the service uses, by brute force over every short value, in both directions.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileGlob, type GlobOptions, patternProblem } from "../../policy/glob";
import { globsWithin, globWitness } from "../../policy/glob-containment";

const matchesAny = (patterns: readonly string[], value: string, options: GlobOptions) =>
  patterns.some((pattern) => compileGlob(pattern, options).matches(value));

/** Every value over the alphabet up to `length` characters. */
function values(alphabet: readonly string[], length: number): string[] {
  const out = [""];
  let frontier = [""];
  for (let n = 0; n < length; n++) {
    frontier = frontier.flatMap((prefix) => alphabet.map((ch) => prefix + ch));
    out.push(...frontier);
  }
  return out;
}

describe("glob containment", () => {
  it("answers the questions a policy review asks", () => {
    expect(globWitness(["refs/heads/*"], ["refs/heads/main"])).toBe("refs/heads/x");
    expect(globsWithin(["refs/heads/main"], ["refs/heads/*"])).toBe(true);
    expect(globsWithin(["refs/heads/release/*"], ["refs/heads/**"])).toBe(true);
    expect(globsWithin(["refs/heads/**"], ["refs/heads/*"])).toBe(false);
    expect(globWitness(["refs/heads/**"], ["refs/heads/*"])).toBe("refs/heads/x/x");
    expect(globsWithin(["refs/tags/v*"], ["refs/tags/*", "refs/heads/main"])).toBe(true);
    expect(globsWithin(["a*", "b*"], ["*"])).toBe(true);
    expect(globsWithin([], ["x"])).toBe(true); // nothing is within anything
    expect(globsWithin(["x"], [])).toBe(false);
    // Repository names fold case; workflow patterns keep wildcards off the @.
    expect(globsWithin(["ACME/Web"], ["acme/*"], { caseInsensitive: true })).toBe(true);
    const workflow = { atIsLiteral: true };
    expect(
      globsWithin(["a/b/.github/workflows/d.yml@refs/heads/main"], ["a/b/.github/workflows/d.yml@**"], workflow),
    ).toBe(true);
    // Under atIsLiteral no wildcard takes the @, not even **: "file@ref" shapes compare as such.
    expect(globsWithin(["a/b/.github/workflows/d.yml@**"], ["**@**"], workflow)).toBe(true);
    expect(globsWithin(["a/b/.github/workflows/d.yml@**"], ["**"], workflow)).toBe(false);
    expect(globsWithin(["**"], ["a/b/.github/workflows/d.yml@**"], workflow)).toBe(false);
  });

  it("agrees with the service's matcher on every short value (fast-check, both directions)", () => {
    const alphabet = ["a", "b", "/", "@", "c"];
    const all = values(alphabet, 5);
    const pattern = fc
      .array(fc.constantFrom("a", "b", "/", "@", "*", "?", "**"), { minLength: 0, maxLength: 5 })
      .map((parts) => parts.join(""))
      .filter((text) => text !== "" && patternProblem(text) === undefined);
    fc.assert(
      fc.property(
        fc.array(pattern, { minLength: 1, maxLength: 2 }),
        fc.array(pattern, { minLength: 1, maxLength: 2 }),
        fc.boolean(),
        (candidate, within, atIsLiteral) => {
          const options = { atIsLiteral };
          const witness = globWitness(candidate, within, options);
          if (witness !== undefined) {
            // A witness is real: the candidate admits it, the other side does not.
            expect(matchesAny(candidate, witness, options)).toBe(true);
            expect(matchesAny(within, witness, options)).toBe(false);
          } else {
            // No witness: no short value tells them apart either.
            for (const value of all) {
              if (matchesAny(candidate, value, options)) expect(matchesAny(within, value, options), value).toBe(true);
            }
          }
          // And a short counterexample always yields a witness.
          const counter = all.find(
            (value) => matchesAny(candidate, value, options) && !matchesAny(within, value, options),
          );
          if (counter !== undefined) expect(witness).toBeDefined();
        },
      ),
      { numRuns: 1500 },
    );
  });
});
