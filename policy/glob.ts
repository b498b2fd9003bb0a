/**
 * Anchored globs for policy conditions (docs/policy.md, "Matching").
 *
 * `*` matches any run of characters except `/`, `**` any run including `/`, `?` one character
 * except `/`; everything else is literal. Matching simulates the pattern as a set of states
 * (no backtracking and no RegExp built from policy text), so it runs in O(pattern × input)
 * whatever the pattern: `*a*a*a*b` against a long run of `a`s is as cheap as any other.
 *
 * @example
 * const glob = compileGlob("refs/heads/release/*");
 * glob.matches("refs/heads/release/1.2"); // true
 * glob.matches("refs/heads/release/a/b"); // false
 */

export const MAX_PATTERN_LENGTH = 256;
export const MAX_WILDCARDS = 8;

/** Pattern tokens besides character codes (see `tokenize`); shared with glob-containment.ts. */
export enum Token {
  /** `?`: one character other than `/`. */
  One = -1,
  /** `*`: any run of characters other than `/`. */
  Star = -2,
  /** `**`: any run of characters. */
  GlobStar = -3,
}
const SLASH = 0x2f;
const AT = 0x40;

export interface Glob {
  readonly source: string;
  /** True when the pattern has no wildcard: it is then compared as a plain string. */
  readonly literal: boolean;
  matches(value: string): boolean;
}

export interface GlobOptions {
  /** Fold ASCII letters before comparing (repository and environment names). */
  readonly caseInsensitive?: boolean;
  /**
   * No wildcard matches `@` (workflow patterns): `owner/repo/path@ref` has no other way to tell
   * the file from its ref, so `deploy.yml@**` must not reach a file named `deploy.yml@x.yml`.
   */
  readonly atIsLiteral?: boolean;
}

/** Why a pattern is refused; `undefined` when it is acceptable. */
export function patternProblem(pattern: string): string | undefined {
  if (pattern.length === 0) return "empty pattern";
  if (pattern.length > MAX_PATTERN_LENGTH) return `longer than ${MAX_PATTERN_LENGTH} characters`;
  for (let i = 0; i < pattern.length; i++) {
    const code = pattern.charCodeAt(i);
    if (code < 0x20 || code > 0x7e) return "non-ASCII or control character";
  }
  if (countWildcards(pattern) > MAX_WILDCARDS) return `more than ${MAX_WILDCARDS} wildcards`;
  return undefined;
}

export function hasWildcard(pattern: string): boolean {
  return pattern.includes("*") || pattern.includes("?");
}

/** ASCII-only lower-casing: GitHub folds names this way, and Unicode folding would let
 * distinct names (`K` and the Kelvin sign) collide. */
export function asciiLower(value: string): string {
  let out = "";
  let changed = false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0x41 && code <= 0x5a) {
      changed = true;
      out += String.fromCharCode(code + 0x20);
    } else {
      out += value[i];
    }
  }
  return changed ? out : value;
}

export function compileGlob(pattern: string, options: GlobOptions = {}): Glob {
  const problem = patternProblem(pattern);
  if (problem) throw new TypeError(`invalid pattern: ${problem}`);
  const fold = options.caseInsensitive === true;
  const stopAtAt = options.atIsLiteral === true;
  const source = fold ? asciiLower(pattern) : pattern;
  if (!hasWildcard(source)) {
    return {
      source: pattern,
      literal: true,
      matches: (value) => (fold ? asciiLower(value) : value) === source,
    };
  }
  const tokens = tokenize(source);
  const match = trailingWildcardMatcher(source, tokens, stopAtAt) ?? ((value: string) => run(tokens, value, stopAtAt));
  return {
    source: pattern,
    literal: false,
    matches: (value) => match(fold ? asciiLower(value) : value),
  };
}

/**
 * `prefix*` and `prefix**`, the shape of most ref and workflow patterns, as a prefix test: the
 * same answer as the simulation without allocating its state sets on every request.
 */
function trailingWildcardMatcher(
  source: string,
  tokens: Int32Array,
  stopAtAt: boolean,
): ((value: string) => boolean) | undefined {
  const last = tokens[tokens.length - 1];
  if (last !== Token.Star && last !== Token.GlobStar) return undefined;
  if (tokens.subarray(0, -1).some((token) => token < 0)) return undefined;
  const prefix = source.slice(0, source.indexOf("*"));
  const noAt = (value: string) => !stopAtAt || !value.includes("@", prefix.length);
  if (last === Token.GlobStar) return (value) => value.startsWith(prefix) && noAt(value);
  return (value) => value.startsWith(prefix) && !value.includes("/", prefix.length) && noAt(value);
}

function countWildcards(pattern: string): number {
  let count = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "?") count++;
    else if (ch === "*") {
      count++;
      if (pattern[i + 1] === "*") i++;
    }
  }
  return count;
}

/** A pattern as character codes and wildcard tokens, runs of stars collapsed. */
export function tokenize(pattern: string): Int32Array {
  const tokens: number[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "?") tokens.push(Token.One);
    else if (ch === "*") {
      // Runs of stars collapse: `***` is `**`, and adjacent wildcards add nothing.
      let stars = 1;
      while (pattern[i + 1] === "*") {
        stars++;
        i++;
      }
      const token = stars >= 2 ? Token.GlobStar : Token.Star;
      const previous = tokens[tokens.length - 1];
      if (previous === Token.GlobStar) continue;
      if (previous === Token.Star && token === Token.GlobStar) tokens[tokens.length - 1] = token;
      else if (previous !== Token.Star) tokens.push(token);
    } else tokens.push(pattern.charCodeAt(i));
  }
  return Int32Array.from(tokens);
}

/** Thompson simulation: `active[i]` means "the first i tokens have matched so far". */
function run(tokens: Int32Array, value: string, stopAtAt: boolean): boolean {
  const size = tokens.length + 1;
  let active = new Uint8Array(size);
  let next = new Uint8Array(size);
  active[0] = 1;
  closeOverStars(tokens, active);
  for (let position = 0; position < value.length; position++) {
    const code = value.charCodeAt(position);
    // A character no wildcard may match: only a literal in the pattern takes it.
    const barrier = code === SLASH || (stopAtAt && code === AT);
    const anyBarrier = stopAtAt && code === AT;
    next.fill(0);
    let any = false;
    for (let state = 0; state < tokens.length; state++) {
      if (active[state] === 0) continue;
      const token = tokens[state];
      if ((token === Token.GlobStar && !anyBarrier) || (token === Token.Star && !barrier)) {
        next[state] = 1;
        any = true;
      } else if (token === code || (token === Token.One && !barrier)) {
        next[state + 1] = 1;
        any = true;
      }
    }
    if (!any) return false;
    closeOverStars(tokens, next);
    [active, next] = [next, active];
  }
  return active[tokens.length] === 1;
}

/** A star may match nothing, so a state before a star also stands after it. */
function closeOverStars(tokens: Int32Array, states: Uint8Array): void {
  for (let state = 0; state < tokens.length; state++) {
    if (states[state] === 1 && (tokens[state] === Token.Star || tokens[state] === Token.GlobStar)) {
      states[state + 1] = 1;
    }
  }
}
