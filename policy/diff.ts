/**
 * What a policy change does to access (issue 18): for every environment, the rules added,
 * removed and changed, each with its effect — widens (someone can get something they could not),
 * narrows, changes (both), or label only — and the reason in words, with an example value where
 * a pattern grew. Pattern containment is decided exactly (glob-containment.ts); scopes,
 * lifetimes, DPoP, narrowing, issuers and audiences by their sets and numbers. Works on validated policy
 * values (the CLI checks both sides first); `undefined` as the base means "no policy".
 */
import { parseDuration } from "../protocol/duration";
import { GITHUB_COM_ISSUER } from "../protocol/names";
import { UNTRUSTED_CODE_EVENTS } from "./conditions";
import type { GlobOptions } from "./glob";
import { globWitness } from "./glob-containment";

export type Effect = "widens" | "narrows" | "changes" | "label only";

export interface Change {
  /** Where: `environments.staging.rules["web deploys from main"]`, `github_com`, … */
  readonly path: string;
  readonly effect: Effect;
  /** In words, one per condition or setting that moved. */
  readonly reasons: readonly string[];
}

export interface PolicyDiff {
  readonly changes: readonly Change[];
  readonly widens: boolean;
}

type Fields = Record<string, unknown>;
type Direction = { readonly wider?: string; readonly narrower?: string };

const list = (value: unknown): string[] =>
  value === undefined || value === null ? [] : (Array.isArray(value) ? value : [value]).map(String);
const rulesOf = (environment: Fields): Fields[] => (Array.isArray(environment.rules) ? environment.rules : []);
const show = (values: readonly string[] | undefined) => (values === undefined ? "(any)" : values.join(" | "));

/** Patterns, absent meaning any value: which way does head differ from base? */
function comparePatterns(
  name: string,
  base: string[] | undefined,
  head: string[] | undefined,
  options: GlobOptions = {},
): Direction {
  if (base === undefined && head === undefined) return {};
  if (base !== undefined && head !== undefined && base.length === head.length && base.every((p, i) => p === head[i])) {
    return {};
  }
  const change = `${name}: ${show(base)} → ${show(head)}`;
  // No condition admits every value; a condition of patterns never admits what no pattern reaches.
  const headExtra =
    base === undefined ? undefined : head === undefined ? "any value" : globWitness(head, base, options);
  const baseExtra =
    head === undefined ? undefined : base === undefined ? "any value" : globWitness(base, head, options);
  return {
    ...(headExtra !== undefined ? { wider: `${change}: also admits ${quote(headExtra)}` } : {}),
    ...(baseExtra !== undefined ? { narrower: `${change}: no longer admits ${quote(baseExtra)}` } : {}),
  };
}

function quote(value: string): string {
  return value === "any value" ? value : `values such as "${value}"`;
}

function compareSets(name: string, base: string[] | undefined, head: string[] | undefined): Direction {
  if (base === undefined && head === undefined) return {};
  const change = `${name}: ${show(base)} → ${show(head)}`;
  const added = base === undefined ? [] : head === undefined ? ["any value"] : head.filter((v) => !base.includes(v));
  const removed = head === undefined ? [] : base === undefined ? ["any value"] : base.filter((v) => !head.includes(v));
  return {
    ...(added.length > 0 ? { wider: `${change}: adds ${added.join(", ")}` } : {}),
    ...(removed.length > 0 ? { narrower: `${change}: drops ${removed.join(", ")}` } : {}),
  };
}

function compareNumbers(name: string, base: number, head: number, unit = "s"): Direction {
  if (base === head) return {};
  const change = `${name}: ${base} ${unit} → ${head} ${unit}`;
  return head > base ? { wider: change } : { narrower: change };
}

/** A rule's conditions and grants, as sets, with what it inherits from its environment. */
function ruleShape(rule: Fields, environment: Fields) {
  const patterns = (key: string) => (rule[key] === undefined ? undefined : list(rule[key]));
  const claims = (rule.claims ?? {}) as Fields;
  return {
    issuer: list(rule.issuer ?? environment.issuer ?? GITHUB_COM_ISSUER),
    repositoryId: rule.repository_id === undefined ? undefined : [String(rule.repository_id)],
    repository: rule.repository_id === undefined ? patterns("repository") : undefined,
    ownerId: rule.owner_id === undefined ? undefined : [String(rule.owner_id)],
    ref: patterns("ref"),
    refType: patterns("ref_type"),
    environment: patterns("environment"),
    workflow: patterns("workflow"),
    event: patterns("event"),
    runner: patterns("runner"),
    claims: Object.fromEntries(Object.entries(claims).map(([name, value]) => [name, list(value)])),
    scopes: list(rule.scopes ?? environment.scopes),
    maxTtl: seconds(rule.max_ttl) ?? environmentMaxTtl(environment),
  };
}

const seconds = (value: unknown) => (value === undefined ? undefined : parseDuration(value));
const environmentMaxTtl = (environment: Fields) => seconds(environment.max_ttl) ?? seconds(environment.ttl) ?? 600;

/** Events: any pattern for ordinary events; untrusted-code events count only when named literally. */
function compareEvents(base: string[] | undefined, head: string[] | undefined): Direction[] {
  const untrusted = (events: string[] | undefined) =>
    (events ?? []).filter((event) => UNTRUSTED_CODE_EVENTS.has(event));
  const trusted = (events: string[] | undefined) => events?.filter((event) => !UNTRUSTED_CODE_EVENTS.has(event));
  const named = compareSets("event (pull-request-code events, named)", untrusted(base), untrusted(head));
  return [comparePatterns("event", trusted(base), trusted(head)), named];
}

function compareRules(base: Fields, baseEnvironment: Fields, head: Fields, headEnvironment: Fields): Direction[] {
  const b = ruleShape(base, baseEnvironment);
  const h = ruleShape(head, headEnvironment);
  const directions: Direction[] = [compareSets("issuer", b.issuer, h.issuer)];
  if ((b.repositoryId === undefined) !== (h.repositoryId === undefined)) {
    const by = (shape: typeof b) =>
      shape.repositoryId ? `id ${shape.repositoryId[0]}` : `name ${show(shape.repository)}`;
    const reason = `repository: by ${by(b)} → by ${by(h)}: neither contains the other (an id survives renames; a name admits a re-created namesake)`;
    directions.push({ wider: reason, narrower: reason });
  } else {
    directions.push(compareSets("repository_id", b.repositoryId, h.repositoryId));
    directions.push(comparePatterns("repository", b.repository, h.repository, { caseInsensitive: true }));
  }
  directions.push(compareSets("owner_id", b.ownerId, h.ownerId));
  directions.push(comparePatterns("ref", b.ref, h.ref));
  directions.push(compareSets("ref_type", b.refType, h.refType));
  directions.push(comparePatterns("environment", b.environment, h.environment, { caseInsensitive: true }));
  directions.push(comparePatterns("workflow", b.workflow, h.workflow, { atIsLiteral: true }));
  directions.push(...compareEvents(b.event, h.event));
  directions.push(compareSets("runner", b.runner, h.runner));
  for (const claim of new Set([...Object.keys(b.claims), ...Object.keys(h.claims)])) {
    directions.push(comparePatterns(`claims.${claim}`, b.claims[claim], h.claims[claim]));
  }
  directions.push(compareSets("scopes", b.scopes, h.scopes));
  directions.push(compareNumbers("max_ttl", b.maxTtl, h.maxTtl));
  return directions;
}

function effectOf(directions: readonly Direction[]): { effect: Effect; reasons: string[] } | undefined {
  const wider = directions.flatMap((d) => (d.wider ? [d.wider] : []));
  const narrower = directions.flatMap((d) => (d.narrower ? [d.narrower] : []));
  const reasons = [...new Set([...wider, ...narrower])];
  if (wider.length > 0 && narrower.length > 0) return { effect: "changes", reasons };
  if (wider.length > 0) return { effect: "widens", reasons };
  if (narrower.length > 0) return { effect: "narrows", reasons };
  return undefined;
}

/** Rules paired by name where both sides name them once, the rest by order. */
function pairRules(base: Fields[], head: Fields[]) {
  // Names that stand once on a side, with their position: one pass each, not a search per rule.
  const uniqueNames = (rules: Fields[]) => {
    const positions = new Map<string, number>();
    const repeated = new Set<string>();
    rules.forEach((rule, index) => {
      if (typeof rule.name !== "string") return;
      if (positions.has(rule.name)) repeated.add(rule.name);
      else positions.set(rule.name, index);
    });
    for (const name of repeated) positions.delete(name);
    return positions;
  };
  const baseNames = uniqueNames(base);
  const headNames = uniqueNames(head);
  const pairs: [Fields | undefined, Fields | undefined, string][] = [];
  const headLeft = new Set(head.map((_, index) => index));
  const baseLeft: number[] = [];
  base.forEach((rule, index) => {
    const name = typeof rule.name === "string" && baseNames.has(rule.name) ? rule.name : undefined;
    const match = name === undefined ? -1 : (headNames.get(name) ?? -1);
    if (match >= 0) {
      headLeft.delete(match);
      pairs.push([rule, head[match], name as string]);
    } else baseLeft.push(index);
  });
  const rest = [...headLeft];
  baseLeft.forEach((index, n) => {
    const j = rest[n];
    const label = (rule: Fields | undefined, at: number) =>
      typeof rule?.name === "string" ? rule.name : `rules[${at}]`;
    const now = j === undefined ? undefined : head[j];
    const before = label(base[index], index);
    const after = now === undefined || j === undefined ? before : label(now, j);
    pairs.push([base[index], now, before === after ? before : `${before} (now ${after})`]);
  });
  for (const j of rest.slice(baseLeft.length)) {
    pairs.push([undefined, head[j], typeof head[j].name === "string" ? (head[j].name as string) : `rules[${j}]`]);
  }
  return pairs;
}

export function diffPolicies(base: Fields | undefined, head: Fields): PolicyDiff {
  const changes: Change[] = [];
  const add = (path: string, directions: Direction[], label = false) => {
    const effect = effectOf(directions);
    if (effect) changes.push({ path, ...effect });
    else if (label) changes.push({ path, effect: "label only", reasons: ["only its name or layout changed"] });
  };
  const b = base ?? { environments: {}, github_com: false };
  add("github_com", [
    compareSets(
      "trusted issuers",
      b.github_com === false ? [] : [GITHUB_COM_ISSUER],
      head.github_com === false ? [] : [GITHUB_COM_ISSUER],
    ),
  ]);
  const issuerNames = (policy: Fields) => list((policy.issuers as Fields[] | undefined)?.map((item) => item.issuer));
  add("issuers", [compareSets("trusted issuers", issuerNames(b), issuerNames(head))]);
  if (base && b.audience !== head.audience) {
    changes.push({
      path: "audience",
      effect: "changes",
      reasons: [`audience: ${show(list(b.audience))} → ${show(list(head.audience))}`],
    });
  }

  const baseEnvironments = (b.environments ?? {}) as Record<string, Fields>;
  const headEnvironments = (head.environments ?? {}) as Record<string, Fields>;
  const lower = (record: Record<string, Fields>) =>
    new Map(Object.entries(record).map(([name, env]) => [name.toLowerCase(), [name, env] as const]));
  const baseByName = lower(baseEnvironments);
  const headByName = lower(headEnvironments);
  for (const [key, [name, environment]] of headByName) {
    const path = `environments.${name}`;
    const before = baseByName.get(key)?.[1];
    if (!before) {
      changes.push({
        path,
        effect: "widens",
        reasons: [`a new environment with ${rulesOf(environment).length} rule(s)`],
      });
      continue;
    }
    const dpop = (env: Fields) => (env.dpop === "required" ? "required" : "optional");
    const narrowing = (env: Fields) => (env.narrowing === "allowed" ? "allowed" : "denied");
    add(path, [
      compareSets("scopes", list(before.scopes), list(environment.scopes)),
      compareNumbers("max_ttl", environmentMaxTtl(before), environmentMaxTtl(environment)),
      dpop(before) === dpop(environment)
        ? {}
        : dpop(environment) === "optional"
          ? { wider: "dpop: required → optional: bearer tokens again" }
          : { narrower: "dpop: optional → required" },
      narrowing(before) === narrowing(environment)
        ? {}
        : narrowing(environment) === "allowed"
          ? { wider: "narrowing: denied → allowed: holders may mint narrower tokens for sub-tasks" }
          : { narrower: "narrowing: allowed → denied: holders can no longer mint tokens for sub-tasks" },
      before.audience === environment.audience
        ? {}
        : {
            wider: `audience: ${show(list(before.audience ?? name))} → ${show(list(environment.audience ?? name))}: tokens for another service`,
            narrower: `audience: the old service no longer gets tokens`,
          },
    ]);
    const rules = pairRules(rulesOf(before), rulesOf(environment));
    for (const [old, now, label] of rules) {
      const rulePath = `${path}.rules[${JSON.stringify(label)}]`;
      if (!old) changes.push({ path: rulePath, effect: "widens", reasons: ["a new rule"] });
      else if (!now) changes.push({ path: rulePath, effect: "narrows", reasons: ["the rule is removed"] });
      else if (JSON.stringify(old) !== JSON.stringify(now) || before.issuer !== environment.issuer) {
        add(rulePath, compareRules(old, before, now, environment), true);
      }
    }
  }
  for (const [key, [name]] of baseByName) {
    if (!headByName.has(key))
      changes.push({ path: `environments.${name}`, effect: "narrows", reasons: ["the environment is removed"] });
  }
  return { changes, widens: changes.some((change) => change.effect === "widens" || change.effect === "changes") };
}
