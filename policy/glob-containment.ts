/**
 * Exact analysis of glob languages (for `policy diff`): does every value that one set of
 * patterns admits also match another, and which regions do many patterns carve out of one
 * claim? Globs are regular languages, so this is decided on automata, not by comparing strings:
 * all patterns run as one NFA (a state is a pattern and a position in it) over a finite alphabet
 * of character classes, with the subset construction done on the fly. Every subset state costs
 * a `WorkBudget` as many steps as it holds NFA states (its work and memory grow with them): the
 * construction is exponential in the worst case, and a diff must stop and say so rather than run
 * for minutes.
 *
 * @example
 * globWitness(["refs/heads/*"], ["refs/heads/main"]); // "refs/heads/x": admitted by the first only
 * globWitness(["refs/heads/main"], ["refs/heads/*"]); // undefined: the first is within the second
 */
import { asciiLower, compileGlob, type GlobOptions, patternProblem, Token, tokenize } from "./glob";
import { unbounded, type WorkBudget } from "./work-budget";

const { One: ONE, Star: STAR, GlobStar: GLOBSTAR } = Token;
const SLASH = 0x2f;
const AT = 0x40;

/** A pattern as the automaton reads it; `fold` compares ASCII letters case-insensitively. */
export interface AutomatonPattern {
  readonly tokens: readonly number[];
  readonly fold: boolean;
  readonly atIsLiteral: boolean;
}

/** A glob pattern with its options. */
export function globPattern(pattern: string, options: GlobOptions = {}): AutomatonPattern {
  const fold = options.caseInsensitive === true;
  return {
    tokens: [...tokenize(fold ? asciiLower(pattern) : pattern)],
    fold,
    atIsLiteral: options.atIsLiteral === true,
  };
}

/** A value compared exactly: every character literal, `*` and `?` included. */
export function literalPattern(value: string): AutomatonPattern {
  return { tokens: [...value].map((ch) => ch.charCodeAt(0)), fold: false, atIsLiteral: false };
}

/**
 * A state is a pattern and a position in it, packed in one number (patterns are at most 256
 * characters): sets of numbers, not of "p:i" strings, halve the diff of two large policies.
 */
const STRIDE = 1024;
const stateOf = (p: number, i: number) => p * STRIDE + i;
const lowerCode = (code: number) => (code >= 0x41 && code <= 0x5a ? code + 0x20 : code);

class Nfa {
  constructor(readonly patterns: readonly AutomatonPattern[]) {}

  start(): Set<number> {
    return this.close(new Set(this.patterns.map((_, p) => stateOf(p, 0))));
  }

  /** States reachable without consuming: a star may match nothing. */
  private close(states: Set<number>): Set<number> {
    const stack = [...states];
    while (stack.length > 0) {
      const state = stack.pop() as number;
      const { tokens } = this.patterns[Math.floor(state / STRIDE)];
      const i = state % STRIDE;
      if (i < tokens.length && (tokens[i] === STAR || tokens[i] === GLOBSTAR) && !states.has(state + 1)) {
        states.add(state + 1);
        stack.push(state + 1);
      }
    }
    return states;
  }

  step(states: Set<number>, code: number): Set<number> {
    const next = new Set<number>();
    for (const state of states) {
      const pattern = this.patterns[Math.floor(state / STRIDE)];
      const i = state % STRIDE;
      if (i >= pattern.tokens.length) continue;
      const token = pattern.tokens[i];
      // Which characters a wildcard may take: never `/` but for `**`, never `@` in workflow patterns.
      const barred = (pattern.atIsLiteral && code === AT) || (token !== GLOBSTAR && code === SLASH);
      if (token === STAR || token === GLOBSTAR) {
        if (!barred) next.add(state);
      } else if (token === ONE ? !barred : token === (pattern.fold ? lowerCode(code) : code)) next.add(state + 1);
    }
    return this.close(next);
  }

  /** The patterns, among `from`…`to`, that accept in `states`. */
  accepting(states: Set<number>, from = 0, to = this.patterns.length): number[] {
    const found: number[] = [];
    for (const state of states) {
      const p = Math.floor(state / STRIDE);
      if (p >= from && p < to && state % STRIDE === this.patterns[p].tokens.length) found.push(p);
    }
    return found.sort((x, y) => x - y);
  }

  /**
   * One representative per class of characters the patterns can tell apart: every literal they
   * name (in both cases where folding and exact patterns meet), the two separators, and one
   * character none of them names.
   */
  alphabet(): number[] {
    const literals = new Set<number>([SLASH, AT]);
    const folds = this.patterns.some((pattern) => pattern.fold);
    const exact = this.patterns.some((pattern) => !pattern.fold);
    for (const pattern of this.patterns) {
      for (const token of pattern.tokens) {
        if (token < 0) continue;
        literals.add(token);
        const letter = lowerCode(token) !== token || (token >= 0x61 && token <= 0x7a);
        if (letter && folds && exact) literals.add(token ^ 0x20);
      }
    }
    const other = [..."abcdefghijklmnopqrstuvwxyz0123456789-_."]
      .map((ch) => ch.charCodeAt(0))
      .find((code) => !literals.has(code) && !literals.has(code ^ 0x20));
    return [...literals, other ?? 0x7e];
  }
}

const key = (states: Set<number>) => [...states].sort((x, y) => x - y).join(",");

/**
 * A value that some pattern of `candidate` matches and no pattern of `within` does, or
 * `undefined` when every value `candidate` admits is within `within` (the same options apply to
 * both sides: case folding, `@` kept out of wildcards). An empty list admits nothing.
 */
export function globWitness(
  candidate: readonly string[],
  within: readonly string[],
  options: GlobOptions = {},
  budget: WorkBudget = unbounded(),
): string | undefined {
  const split = candidate.length;
  const nfa = new Nfa([...candidate, ...within].map((pattern) => globPattern(pattern, options)));
  const alphabet = nfa.alphabet();
  const admits = (states: Set<number>, side: "a" | "b") =>
    side === "a" ? nfa.accepting(states, 0, split).length > 0 : nfa.accepting(states, split).length > 0;
  const inA = (state: number) => state < split * STRIDE;
  const startStates = nfa.start();
  const queue: { states: Set<number>; value: string }[] = [{ states: startStates, value: "" }];
  const seen = new Set<string>([key(startStates)]);
  // Breadth first, so the witness is a shortest one; a read index instead of shift() keeps it linear.
  for (let next = 0; next < queue.length; next++) {
    const { states, value } = queue[next];
    if (admits(states, "a") && !admits(states, "b")) return realistic(value, candidate, within, options);
    for (const code of alphabet) {
      const after = nfa.step(states, code);
      budget.spend(1 + after.size);
      if (![...after].some(inA)) continue; // candidate admits nothing this way
      const id = key(after);
      if (seen.has(id)) continue;
      seen.add(id);
      queue.push({ states: after, value: value + String.fromCharCode(code) });
    }
  }
  return undefined;
}

/**
 * The shortest witness often has an empty path segment (`refs/heads/`, `refs/heads//`), a value
 * no job carries. Each such segment gets a name (`refs/heads/x`, `refs/heads/x/x`) when the value
 * still tells the two lists apart, so a reviewer reads a ref a branch could really have.
 */
function realistic(
  value: string,
  candidate: readonly string[],
  within: readonly string[],
  options: GlobOptions,
): string {
  const empty = (text: string, at: number) => at + 1 === text.length || text[at + 1] === "/";
  if (![...value].some((char, at) => char === "/" && empty(value, at))) return value;
  // Patterns reach here validated; one that is not (a literal with a `*`) keeps the plain witness.
  if ([...candidate, ...within].some(patternProblem)) return value;
  const admitted = candidate.map((pattern) => compileGlob(pattern, options));
  const refused = within.map((pattern) => compileGlob(pattern, options));
  let shown = value;
  for (let at = shown.indexOf("/"); at !== -1; at = shown.indexOf("/", at + 1)) {
    if (!empty(shown, at)) continue;
    const filled = `${shown.slice(0, at + 1)}x${shown.slice(at + 1)}`;
    if (admitted.some((glob) => glob.matches(filled)) && !refused.some((glob) => glob.matches(filled))) shown = filled;
  }
  return shown;
}

/** Every value `candidate` admits is admitted by `within`. */
export function globsWithin(
  candidate: readonly string[],
  within: readonly string[],
  options: GlobOptions = {},
): boolean {
  return globWitness(candidate, within, options) === undefined;
}

/**
 * One value for each region that `patterns` carve out of all strings: two values are in the
 * same region when exactly the same patterns match them, so any question about which patterns
 * match has the same answer for every value of a region. The region no pattern matches is among
 * them when it is not empty. Shortest values first.
 */
export function regionValues(patterns: readonly AutomatonPattern[], budget: WorkBudget): string[] {
  const nfa = new Nfa(patterns);
  const alphabet = nfa.alphabet();
  const startStates = nfa.start();
  const queue: { states: Set<number>; value: string }[] = [{ states: startStates, value: "" }];
  const seen = new Set<string>([key(startStates)]);
  const regions = new Map<string, string>();
  for (let next = 0; next < queue.length; next++) {
    const { states, value } = queue[next];
    const signature = nfa.accepting(states).join(",");
    if (!regions.has(signature)) regions.set(signature, value);
    for (const code of alphabet) {
      const after = nfa.step(states, code);
      budget.spend(1 + after.size);
      const id = key(after);
      if (seen.has(id)) continue;
      seen.add(id);
      queue.push({ states: after, value: value + String.fromCharCode(code) });
    }
  }
  return [...regions.values()];
}
