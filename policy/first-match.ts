/**
 * What a change does to the decision itself, not to rules one by one: the service applies the
 * first matching rule (in file order) that allows the requested scopes, and that rule's
 * `max_ttl` caps the lifetime. So moving a short-lived rule below a broader one, deleting it, or
 * narrowing it can lengthen what a job gets even though no rule grew. This module looks for an
 * identity and a scope request that the head grants and the base does not, or grants for longer.
 *
 * It is exact, and bounded by a `WorkBudget`:
 * - Only changed rules can be where behaviour changes. The rules both versions share in the same
 *   order (a common subsequence) decide alike; a witness always lies inside a rule added in the
 *   head or one removed from the base (if both first-matching rules were shared, each would come
 *   before the other), so the search runs inside each changed rule only.
 * - Inside it, each claim's values fall into regions that every pattern of the rules involved
 *   treats alike (glob-containment.ts); one value per region stands for all of them. A search
 *   over claims, branching only where the live rules disagree, reaches every combination.
 * - At each combination the real conditions are evaluated, the scope requests that can tell the
 *   rules apart are tried, and lifetimes compared exactly as `evaluatePolicy` computes them.
 */
import { HARD_MAX_TTL_SECONDS } from "../protocol/duration";
import { UNTRUSTED_CODE_EVENTS } from "./conditions";
import { hasWildcard } from "./glob";
import { type AutomatonPattern, globPattern, literalPattern, regionValues } from "./glob-containment";
import type { ClaimLanguage, CompiledEnvironment, CompiledRule, Condition } from "./types";
import type { WorkBudget } from "./work-budget";

export interface Grant {
  /** The rule that applies: its label and position. */
  readonly rule: string;
  readonly position: number;
  /** The longest lifetime it allows, in seconds. */
  readonly ttl: number;
}

export interface FirstMatchWidening {
  /** One identity where it happens: the claims that decide it (absent claims left out). */
  readonly claims: Readonly<Record<string, string>>;
  /** A scope request that shows it. */
  readonly scopes: readonly string[];
  readonly head: Grant;
  /** What the base granted the same request; `undefined` when it refused. */
  readonly base?: Grant;
}

interface RuleView {
  readonly rule: CompiledRule;
  readonly scopes: ReadonlySet<string>;
  readonly ttl: number;
  readonly byClaim: ReadonlyMap<string, readonly Condition[]>;
  /** What decides its behaviour, without its label: equal keys, equal rules. */
  readonly key: string;
}

function viewsOf(environment: CompiledEnvironment): RuleView[] {
  const views: RuleView[] = [];
  for (let position = 0; position < environment.ruleCount; position++) {
    const rule = environment.rule(position);
    const byClaim = new Map<string, Condition[]>();
    for (const condition of rule.conditions)
      byClaim.set(condition.claim, [...(byClaim.get(condition.claim) ?? []), condition]);
    const scopes = [...(rule.scopes ?? environment.scopes)].sort();
    const ttl = Math.min(rule.maxTtl ?? environment.maxTtl, environment.maxTtl, HARD_MAX_TTL_SECONDS);
    // Patterns in another order admit the same values: sorted, a reordered list is no change.
    const languages = rule.conditions.map((condition) => [condition.claim, normalized(condition.language)]);
    views.push({ rule, scopes: new Set(scopes), ttl, byClaim, key: JSON.stringify([languages, scopes, ttl]) });
  }
  return views;
}

function normalized(language: ClaimLanguage): unknown {
  switch (language.kind) {
    case "values":
      return [language.kind, [...language.values].sort()];
    case "globs":
      return [language.kind, [...language.patterns].sort(), language.options];
    case "events":
      return [language.kind, language.patterns && [...language.patterns].sort()];
  }
}

/**
 * The rules both sides share in the same relative order, as a set of keys' positions: rules
 * whose key stands once on each side, then the longest run of them in order on both sides
 * (patience sorting, n log n). Any common subsequence is correct; a longer one searches less.
 */
function sharedInOrder(base: readonly RuleView[], head: readonly RuleView[]): { base: Set<number>; head: Set<number> } {
  const once = (views: readonly RuleView[]) => {
    const positions = new Map<string, number>();
    const repeated = new Set<string>();
    views.forEach((view, position) => {
      if (positions.has(view.key)) repeated.add(view.key);
      else positions.set(view.key, position);
    });
    for (const key of repeated) positions.delete(key);
    return positions;
  };
  const inBase = once(base);
  const pairs: [number, number][] = [];
  for (const [key, h] of once(head)) {
    const b = inBase.get(key);
    if (b !== undefined) pairs.push([h, b]);
  }
  pairs.sort((x, y) => x[0] - y[0]);
  // Longest increasing run of base positions, in head order.
  const tails: number[] = [];
  const previous: number[] = new Array(pairs.length).fill(-1);
  pairs.forEach(([, b], i) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (pairs[tails[middle]][1] < b) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[i] = tails[low - 1];
    tails[low] = i;
  });
  const shared = { base: new Set<number>(), head: new Set<number>() };
  for (let i = tails.length > 0 ? tails[tails.length - 1] : -1; i >= 0; i = previous[i]) {
    shared.head.add(pairs[i][0]);
    shared.base.add(pairs[i][1]);
  }
  return shared;
}

/** Whether two conditions on one claim can both hold; `true` when that is not cheap to rule out. */
function mayMeet(a: Condition, b: Condition): boolean {
  const literals = (language: ClaimLanguage): readonly string[] | undefined =>
    language.kind === "values"
      ? language.values
      : language.kind === "globs" && !language.options.caseInsensitive && !language.patterns.some(hasWildcard)
        ? language.patterns
        : undefined;
  const some = literals(a.language);
  if (some) return some.some((value) => b.test({ [a.claim]: value }).held);
  const other = literals(b.language);
  if (other) return other.some((value) => a.test({ [b.claim]: value }).held);
  return true;
}

function mayOverlap(a: RuleView, b: RuleView): boolean {
  for (const [claim, conditions] of a.byClaim) {
    const others = b.byClaim.get(claim);
    if (others && !conditions.every((x) => others.every((y) => mayMeet(x, y)))) return false;
  }
  return true;
}

/** Finds the rules of one side that may overlap a given rule, without comparing it with all of them. */
class OverlapIndex {
  private readonly byRepositoryId = new Map<string, RuleView[]>();
  private readonly open: RuleView[] = [];

  constructor(readonly views: readonly RuleView[]) {
    for (const view of views) {
      const ids = view.rule.repositoryId;
      if (ids === undefined) this.open.push(view);
      else this.byRepositoryId.set(ids, [...(this.byRepositoryId.get(ids) ?? []), view]);
    }
  }

  overlapping(view: RuleView): RuleView[] {
    const id = view.rule.repositoryId;
    const candidates = id === undefined ? this.views : [...(this.byRepositoryId.get(id) ?? []), ...this.open];
    return candidates.filter((other) => mayOverlap(view, other)).sort((x, y) => x.rule.position - y.rule.position);
  }
}

/** The automaton patterns behind a condition, for the regions of its claim. */
function patternsOf(language: ClaimLanguage): AutomatonPattern[] {
  switch (language.kind) {
    case "values":
      return language.values.map(literalPattern);
    case "globs":
      return language.patterns.map((pattern) => globPattern(pattern, language.options));
    case "events":
      // Untrusted-code events are matched literally only: each is a region of its own.
      return [
        ...(language.patterns ?? []).map((pattern) => globPattern(pattern)),
        ...[...UNTRUSTED_CODE_EVENTS].map(literalPattern),
      ];
  }
}

const holds = (conditions: readonly Condition[] | undefined, claim: string, value: string | undefined) =>
  conditions === undefined ||
  conditions.every((condition) => condition.test(value === undefined ? {} : { [claim]: value }).held);

export interface FirstMatchSearch {
  readonly budget: WorkBudget;
  /** Stop after this many widenings. */
  readonly limit?: number;
  /** Which widenings to report: the others are passed over (the caller has shown them already). */
  readonly accept?: (widening: FirstMatchWidening) => boolean;
}

/**
 * Identities and requests that `head` grants and `base` does not, or grants for longer, for one
 * environment present in both. Throws `WorkBudgetExceeded` when the budget runs out.
 */
export function firstMatchWidenings(
  base: CompiledEnvironment,
  head: CompiledEnvironment,
  { budget, limit = 3, accept = () => true }: FirstMatchSearch,
): FirstMatchWidening[] {
  const baseViews = viewsOf(base);
  const headViews = viewsOf(head);
  const shared = sharedInOrder(baseViews, headViews);
  const changed = [
    ...headViews.filter((_, position) => !shared.head.has(position)),
    ...baseViews.filter((_, position) => !shared.base.has(position)),
  ];
  // Environment-level scopes and lifetimes are in every rule's key, so they count as changes too.
  if (changed.length === 0) return [];
  const baseIndex = new OverlapIndex(baseViews);
  const headIndex = new OverlapIndex(headViews);
  const regionCache = new Map<string, string[]>();
  const found: FirstMatchWidening[] = [];
  const seen = new Set<string>();

  for (const candidate of changed) {
    if (found.length >= limit) break;
    budget.spend();
    const headRules = headIndex.overlapping(candidate);
    const baseRules = baseIndex.overlapping(candidate);
    const claims = claimsInPlay([candidate, ...headRules, ...baseRules]);
    const regions = claims.map((claim) => {
      const unique = new Map<string, AutomatonPattern>();
      for (const view of [candidate, ...headRules, ...baseRules]) {
        for (const condition of view.byClaim.get(claim) ?? []) {
          for (const pattern of patternsOf(condition.language)) unique.set(JSON.stringify(pattern), pattern);
        }
      }
      const patterns = [...unique.values()];
      const cacheKey = [...unique.keys()].join("|");
      let values = regionCache.get(cacheKey);
      if (!values) {
        values = regionValues(patterns, budget);
        regionCache.set(cacheKey, values);
      }
      // Absent is a region of its own; keep only what the changed rule admits.
      return [undefined, ...values].filter((value) => holds(candidate.byClaim.get(claim), claim, value));
    });
    const assignment = new Map<string, string | undefined>();
    const search = (level: number, aliveHead: RuleView[], aliveBase: RuleView[]): FirstMatchWidening | undefined => {
      budget.spend();
      if (aliveHead.length === 0) return undefined; // the head grants nothing here
      if (level === claims.length) return compare(aliveHead, aliveBase);
      const claim = claims[level];
      const deciding = [...aliveHead, ...aliveBase].filter((view) => view.byClaim.has(claim));
      // Values that every live rule treats alike lead to the same place: try one of each kind.
      const kinds = new Map<string, string | undefined>();
      for (const value of regions[level]) {
        const verdicts = deciding.map((view) => (holds(view.byClaim.get(claim), claim, value) ? 1 : 0)).join("");
        if (!kinds.has(verdicts)) kinds.set(verdicts, value);
      }
      for (const value of kinds.values()) {
        assignment.set(claim, value);
        const keep = (view: RuleView) => holds(view.byClaim.get(claim), claim, value);
        const result = search(level + 1, aliveHead.filter(keep), aliveBase.filter(keep));
        if (result) return result;
      }
      assignment.delete(claim);
      return undefined;
    };
    const compare = (aliveHead: RuleView[], aliveBase: RuleView[]): FirstMatchWidening | undefined => {
      for (const scopes of scopeRequests([...aliveHead, ...aliveBase], head.scopes, base.scopes, budget)) {
        const headGrant = firstAllowing(aliveHead, scopes);
        if (!headGrant) continue;
        const baseGrant = scopes.every((scope) => base.scopes.includes(scope))
          ? firstAllowing(aliveBase, scopes)
          : undefined;
        if (baseGrant && baseGrant.ttl >= headGrant.ttl) continue;
        const claimsShown: Record<string, string> = Object.create(null);
        for (const [claim, value] of assignment) if (value !== undefined) claimsShown[claim] = value;
        const widening = {
          claims: claimsShown,
          scopes,
          head: grantOf(headGrant),
          ...(baseGrant ? { base: grantOf(baseGrant) } : {}),
        };
        if (accept(widening)) return widening;
      }
      return undefined;
    };
    const widening = search(0, headRules, baseRules);
    if (widening) {
      const id = `${widening.head.position}|${widening.base?.position}`;
      if (!seen.has(id)) {
        seen.add(id);
        found.push(widening);
      }
    }
  }
  return found;
}

const grantOf = (view: RuleView): Grant => ({ rule: view.rule.label, position: view.rule.position, ttl: view.ttl });

const firstAllowing = (alive: readonly RuleView[], scopes: readonly string[]) =>
  alive.find((view) => scopes.every((scope) => view.scopes.has(scope)));

/** The claims the rules constrain, the most often constrained first (they split the search soonest). */
function claimsInPlay(views: readonly RuleView[]): string[] {
  const counts = new Map<string, number>();
  for (const view of views) for (const claim of view.byClaim.keys()) counts.set(claim, (counts.get(claim) ?? 0) + 1);
  return [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([claim]) => claim);
}

/**
 * The scope requests that can tell these rules apart: which rules allow a request depends only
 * on which rules' scope sets contain it, so the smallest set containing a request (an
 * intersection of the rules' and the environments' scope sets) behaves exactly like it. Those
 * intersections, non-empty and within the head's environment, are every request worth trying.
 */
function scopeRequests(
  views: readonly RuleView[],
  headScopes: readonly string[],
  baseScopes: readonly string[],
  budget: WorkBudget,
): string[][] {
  // An environment that grants no scopes (oidc) has one request: a token.
  if (headScopes.length === 0) return [[]];
  const generators = [headScopes, baseScopes, ...views.map((view) => [...view.scopes])].map((scopes) =>
    [...scopes].sort(),
  );
  const sets = new Map<string, string[]>();
  const add = (scopes: string[]) => {
    const id = scopes.join(" ");
    if (scopes.length === 0 || sets.has(id)) return false;
    sets.set(id, scopes);
    return true;
  };
  for (const generator of generators) add(generator);
  let frontier = [...sets.values()];
  while (frontier.length > 0) {
    const next: string[][] = [];
    for (const set of frontier) {
      for (const generator of generators) {
        budget.spend();
        const meet = set.filter((scope) => generator.includes(scope));
        if (add(meet)) next.push(meet);
      }
    }
    frontier = next;
  }
  // Smallest requests first: the example a reviewer reads is then the simplest one.
  return [...sets.values()]
    .filter((scopes) => scopes.every((scope) => headScopes.includes(scope)))
    .sort((a, b) => a.length - b.length);
}
