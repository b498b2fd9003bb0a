/**
 * Exact containment of glob languages (for `policy diff`, issue 18): does every value that one
 * set of patterns admits also match another? Globs are regular languages, so this is decided on
 * automata, not by comparing strings: both sides run as NFAs (a state is a pattern and a position
 * in it) over a finite alphabet of character classes, with the subset construction done on the
 * fly, and the search stops at the first value one side admits and the other does not, which is
 * returned as a witness ("also admits refs/heads/a").
 *
 * @example
 * globWitness(["refs/heads/*"], ["refs/heads/main"]); // "refs/heads/a": admitted by the first only
 * globWitness(["refs/heads/main"], ["refs/heads/*"]); // undefined: the first is within the second
 */
import { asciiLower, type GlobOptions, Token, tokenize } from "./glob";

const { One: ONE, Star: STAR, GlobStar: GLOBSTAR } = Token;
const SLASH = "/";
const AT = "@";
const tokens = (pattern: string): number[] => [...tokenize(pattern)];

type Automaton = readonly number[][];

/**
 * A state is a pattern and a position in it, packed in one number (patterns are at most 256
 * characters): sets of numbers, not of "p:i" strings, halve the diff of two large policies.
 */
const STRIDE = 1024;
const stateOf = (p: number, i: number) => p * STRIDE + i;

/** Whether a wildcard token may consume `ch`. */
function wildcardTakes(token: number, ch: string, options: GlobOptions): boolean {
  if (options.atIsLiteral && ch === AT) return false;
  if (token === GLOBSTAR) return true;
  return ch !== SLASH; // STAR and ONE
}

/** States reachable without consuming: a star may match nothing. */
function close(automaton: Automaton, states: Set<number>): Set<number> {
  const stack = [...states];
  while (stack.length > 0) {
    const state = stack.pop() as number;
    const p = Math.floor(state / STRIDE);
    const i = state % STRIDE;
    const token = automaton[p][i];
    if ((token === STAR || token === GLOBSTAR) && i < automaton[p].length) {
      const next = state + 1;
      if (!states.has(next)) {
        states.add(next);
        stack.push(next);
      }
    }
  }
  return states;
}

function step(automaton: Automaton, states: Set<number>, ch: string, options: GlobOptions): Set<number> {
  const next = new Set<number>();
  const code = ch.charCodeAt(0);
  for (const state of states) {
    const p = Math.floor(state / STRIDE);
    const i = state % STRIDE;
    const token = automaton[p][i];
    if (i >= automaton[p].length) continue;
    if (token === STAR || token === GLOBSTAR) {
      if (wildcardTakes(token, ch, options)) next.add(state);
    } else if (token === ONE ? wildcardTakes(ONE, ch, options) : token === code) next.add(state + 1);
  }
  return close(automaton, next);
}

function accepts(automaton: Automaton, states: Set<number>): boolean {
  for (const state of states) {
    if (state % STRIDE === automaton[Math.floor(state / STRIDE)].length) return true;
  }
  return false;
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
): string | undefined {
  const fold = (pattern: string) => (options.caseInsensitive ? asciiLower(pattern) : pattern);
  const a: Automaton = candidate.map((pattern) => tokens(fold(pattern)));
  const b: Automaton = within.map((pattern) => tokens(fold(pattern)));
  // One representative per class of characters the patterns can tell apart: every literal they
  // name, the two separators, and one character none of them names.
  const literals = new Set<string>([SLASH, AT]);
  for (const list of [a, b])
    for (const pattern of list) for (const t of pattern) if (t >= 0) literals.add(String.fromCharCode(t));
  const other = [..."abcdefghijklmnopqrstuvwxyz0123456789-_."].find((ch) => !literals.has(ch)) ?? "~";
  const alphabet = [...literals, other];

  const start = (automaton: Automaton) => close(automaton, new Set(automaton.map((_, p) => stateOf(p, 0))));
  const queue: { sa: Set<number>; sb: Set<number>; value: string }[] = [{ sa: start(a), sb: start(b), value: "" }];
  const seen = new Set<string>([`${key(queue[0].sa)}|${key(queue[0].sb)}`]);
  // Breadth first, so the witness is a shortest one; a read index instead of shift() keeps it linear.
  for (let next = 0; next < queue.length; next++) {
    const { sa, sb, value } = queue[next];
    if (accepts(a, sa) && !accepts(b, sb)) return value;
    for (const ch of alphabet) {
      const na = step(a, sa, ch, options);
      if (na.size === 0) continue; // candidate admits nothing this way
      const nb = step(b, sb, ch, options);
      const id = `${key(na)}|${key(nb)}`;
      if (seen.has(id)) continue;
      seen.add(id);
      queue.push({ sa: na, sb: nb, value: value + ch });
    }
  }
  return undefined;
}

/** Every value `candidate` admits is admitted by `within`. */
export function globsWithin(
  candidate: readonly string[],
  within: readonly string[],
  options: GlobOptions = {},
): boolean {
  return globWitness(candidate, within, options) === undefined;
}
