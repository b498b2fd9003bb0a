/**
 * What a policy change does to access: for every environment, the rules added, removed and
 * changed, each with its effect — widens (someone can get something they could not), narrows,
 * changes (both), label only, or undecided (too costly to decide, which the gate counts as
 * widening) — and the reason in words, with an example value where a pattern grew. Pattern
 * containment is decided exactly (glob-containment.ts); scopes, lifetimes, DPoP, narrowing,
 * issuers, their keys and audiences by their sets and numbers; and the decision itself, first
 * match included, by first-match.ts. Works on validated policy values (the CLI checks both sides
 * first); `undefined` as the base means "no policy".
 */
import { parseDuration } from "../protocol/duration";
import { GITHUB_COM_ISSUER } from "../protocol/names";
import { compilePolicyValue } from "./compile";
import { UNTRUSTED_CODE_EVENTS } from "./conditions";
import { type FirstMatchWidening, firstMatchWidenings } from "./first-match";
import type { GlobOptions } from "./glob";
import { globWitness } from "./glob-containment";
import { jwksUriOf } from "./issuer-keys";
import { defaultTtlSeconds } from "./kinds/defaults";
import { githubSettingsOf } from "./kinds/github";
import { oidcSettingsOf } from "./kinds/oidc";
import type { CompiledPolicy } from "./types";
import { diffBudget, type WorkBudget, WorkBudgetExceeded } from "./work-budget";

export type Effect = "widens" | "narrows" | "changes" | "label only" | "undecided";

/** The effects that a review gate must stop on: anything that may give someone more. */
export const WIDENING_EFFECTS: ReadonlySet<Effect> = new Set(["widens", "changes", "undecided"]);

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

export interface DiffOptions {
  /** Bounds the work (default: `diffBudget` for the two policies); past it, what is left is "undecided". */
  readonly budget?: WorkBudget;
  /** The two sides already compiled, to spare compiling them again. */
  readonly compiled?: { readonly base?: CompiledPolicy; readonly head?: CompiledPolicy };
}

const list = (value: unknown): string[] =>
  value === undefined || value === null ? [] : (Array.isArray(value) ? value : [value]).map(String);
const rulesOf = (environment: Fields): Fields[] => (Array.isArray(environment.rules) ? environment.rules : []);
const show = (values: readonly string[] | undefined) => (values === undefined ? "(any)" : values.join(" | "));

/** Patterns, absent meaning any value: which way does head differ from base? */
function comparePatterns(
  budget: WorkBudget,
  name: string,
  base: string[] | undefined,
  head: string[] | undefined,
  options: GlobOptions = {},
): Direction {
  if (base === undefined && head === undefined) return {};
  // The same patterns in another order admit the same values: nothing to decide.
  if (base !== undefined && head !== undefined && sameSet(base, head)) return {};
  const change = `${name}: ${show(base)} → ${show(head)}`;
  // No condition admits every value; a condition of patterns never admits what no pattern reaches.
  const headExtra =
    base === undefined ? undefined : head === undefined ? "any value" : globWitness(head, base, options, budget);
  const baseExtra =
    head === undefined ? undefined : base === undefined ? "any value" : globWitness(base, head, options, budget);
  return {
    ...(headExtra !== undefined ? { wider: `${change}: also admits ${quote(headExtra)}` } : {}),
    ...(baseExtra !== undefined ? { narrower: `${change}: no longer admits ${quote(baseExtra)}` } : {}),
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item) => b.includes(item)) && b.every((item) => a.includes(item));

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
  // A Map: claim names such as `toString` or `__proto__` are data, never an object's own machinery.
  const claimPatterns = new Map(Object.entries(claims).map(([name, value]) => [name, list(value)]));
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
    claims: claimPatterns,
    scopes: list(rule.scopes ?? environment.scopes),
    maxTtl: seconds(rule.max_ttl) ?? environmentMaxTtl(environment),
  };
}

const seconds = (value: unknown) => (value === undefined ? undefined : parseDuration(value));
const environmentMaxTtl = (environment: Fields) =>
  seconds(environment.max_ttl) ?? seconds(environment.ttl) ?? defaultTtlSeconds(environment.kind);

/** Events: any pattern for ordinary events; untrusted-code events count only when named literally. */
function compareEvents(budget: WorkBudget, base: string[] | undefined, head: string[] | undefined): Direction[] {
  const untrusted = (events: string[] | undefined) =>
    (events ?? []).filter((event) => UNTRUSTED_CODE_EVENTS.has(event));
  const trusted = (events: string[] | undefined) => events?.filter((event) => !UNTRUSTED_CODE_EVENTS.has(event));
  const named = compareSets("event (pull-request-code events, named)", untrusted(base), untrusted(head));
  return [comparePatterns(budget, "event", trusted(base), trusted(head)), named];
}

function compareRules(
  budget: WorkBudget,
  base: Fields,
  baseEnvironment: Fields,
  head: Fields,
  headEnvironment: Fields,
): Direction[] {
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
    directions.push(comparePatterns(budget, "repository", b.repository, h.repository, { caseInsensitive: true }));
  }
  directions.push(compareSets("owner_id", b.ownerId, h.ownerId));
  directions.push(comparePatterns(budget, "ref", b.ref, h.ref));
  directions.push(compareSets("ref_type", b.refType, h.refType));
  directions.push(comparePatterns(budget, "environment", b.environment, h.environment, { caseInsensitive: true }));
  directions.push(comparePatterns(budget, "workflow", b.workflow, h.workflow, { atIsLiteral: true }));
  directions.push(...compareEvents(budget, b.event, h.event));
  directions.push(compareSets("runner", b.runner, h.runner));
  for (const claim of new Set([...b.claims.keys(), ...h.claims.keys()])) {
    directions.push(comparePatterns(budget, `claims.${claim}`, b.claims.get(claim), h.claims.get(claim)));
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

export function diffPolicies(base: Fields | undefined, head: Fields, options: DiffOptions = {}): PolicyDiff {
  const changes: Change[] = [];
  const add = (path: string, directions: Direction[], label = false) => {
    const effect = effectOf(directions);
    if (effect) changes.push({ path, ...effect });
    else if (label) changes.push({ path, effect: "label only", reasons: ["only its name or layout changed"] });
  };
  const b = base ?? { environments: {}, github_com: false };
  const ruleCount = (policy: Fields) =>
    Object.values((policy.environments ?? {}) as Record<string, Fields>).reduce(
      (sum, environment) => sum + rulesOf(environment).length,
      0,
    );
  const budget = options.budget ?? diffBudget(ruleCount(b) + ruleCount(head));
  changes.push(...compareIssuerKeys(b, head), ...compareGithubApps(b, head));
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

  const compiledBase = base === undefined ? undefined : (options.compiled?.base ?? compiled(base, "base"));
  const compiledHead = options.compiled?.head ?? compiled(head, "head");
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
    const start = changes.length;
    try {
      compareEnvironment(budget, changes, add, path, name, before, environment);
      const baseEnvironment = compiledBase?.environments.get(key);
      const headEnvironment = compiledHead.environments.get(key);
      if (baseEnvironment && headEnvironment) {
        // Rules the comparison above already calls wider explain any new admission they make.
        const wider = new Set(
          changes
            .slice(start)
            .filter((change) => WIDENING_EFFECTS.has(change.effect))
            .map((change) => change.path),
        );
        // A rule the comparison above already calls wider explains what it grants that the
        // base refused, and a longer lifetime than its own former self gave.
        // So does a wider environment (more scopes or permissions) for what the base refused.
        const explained = ({ head: now, base: then }: FirstMatchWidening) =>
          (then === undefined && wider.has(path)) ||
          [...wider].some((changed) => {
            const names = (label: string) => changed.includes(JSON.stringify(label).slice(1, -1));
            return changed.startsWith(`${path}.rules[`) && names(now.rule) && (then === undefined || names(then.rule));
          });
        const widenings = firstMatchWidenings(baseEnvironment, headEnvironment, {
          budget,
          accept: (widening) => !explained(widening),
        });
        if (widenings.length > 0) {
          changes.push({ path: `${path}.rules`, effect: "widens", reasons: widenings.map(describeWidening) });
        }
      }
    } catch (error) {
      if (!(error instanceof WorkBudgetExceeded)) throw error;
      changes.splice(start);
      changes.push({
        path,
        effect: "undecided",
        reasons: [
          `not decided: ${error.message}, so it counts as widening; review this environment's rules by hand (patterns with many wildcards make the comparison exponential)`,
        ],
      });
    }
  }
  for (const [key, [name]] of baseByName) {
    if (!headByName.has(key))
      changes.push({ path: `environments.${name}`, effect: "narrows", reasons: ["the environment is removed"] });
  }
  return { changes, widens: changes.some((change) => WIDENING_EFFECTS.has(change.effect)) };
}

function compiled(value: Fields, side: string): CompiledPolicy {
  const result = compilePolicyValue(value);
  if (!result.ok) throw new Error(`the ${side} policy is not valid: check it before comparing`);
  return result.policy;
}

function compareEnvironment(
  budget: WorkBudget,
  changes: Change[],
  add: (path: string, directions: Direction[], label?: boolean) => void,
  path: string,
  name: string,
  before: Fields,
  environment: Fields,
): void {
  const dpop = (env: Fields) => (env.dpop === "required" ? "required" : "optional");
  const narrowing = (env: Fields) => (env.narrowing === "allowed" ? "allowed" : "denied");
  const kind = (env: Fields) => String(env.kind ?? "access");
  if (kind(before) !== kind(environment)) {
    const reason = `kind: ${kind(before)} → ${kind(environment)}: another kind of credential for the jobs its rules admit`;
    changes.push({ path, effect: "changes", reasons: [reason] });
  } else if (kind(environment) === "oidc") {
    add(path, compareOidcEnvironments(oidcSettingsOf(name, before), oidcSettingsOf(name, environment)));
  } else if (kind(environment) === "github") {
    add(path, compareGithubEnvironments(githubSettingsOf(before), githubSettingsOf(environment)));
  }
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
    before.audience === environment.audience || kind(environment) === "oidc"
      ? {}
      : {
          wider: `audience: ${show(list(before.audience ?? name))} → ${show(list(environment.audience ?? name))}: tokens for another service`,
          narrower: `audience: the old service no longer gets tokens`,
        },
  ]);
  for (const [old, now, label] of pairRules(rulesOf(before), rulesOf(environment))) {
    const rulePath = `${path}.rules[${JSON.stringify(label)}]`;
    if (!old) changes.push({ path: rulePath, effect: "widens", reasons: ["a new rule"] });
    else if (!now) changes.push({ path: rulePath, effect: "narrows", reasons: ["the rule is removed"] });
    else if (JSON.stringify(old) !== JSON.stringify(now) || before.issuer !== environment.issuer) {
      add(rulePath, compareRules(budget, old, before, now, environment), true);
    }
  }
}

/**
 * What a relying party sees change: it trusts exactly one audience and one subject, so moving
 * either breaks its trust until it is updated (and points the tokens at whoever trusts the new
 * value); the algorithm must be one it accepts; session tags can grant more under ABAC.
 */
function compareOidcEnvironments(before: ReturnType<typeof oidcSettingsOf>, after: ReturnType<typeof oidcSettingsOf>) {
  const trust = (what: string, then: string, now: string): Direction =>
    then === now
      ? {}
      : {
          wider: `${what}: ${then} → ${now}: whoever trusts the new value now gets these tokens`,
          narrower: `${what}: the relying party that trusts ${JSON.stringify(then)} stops accepting them (its trust breaks until it is updated)`,
        };
  return [
    trust("audience", before.audience, after.audience),
    trust("subject", before.subject, after.subject),
    before.algorithm === after.algorithm
      ? {}
      : {
          wider: `algorithm: ${before.algorithm} → ${after.algorithm}`,
          narrower: `algorithm: a relying party that accepts only ${before.algorithm} (Microsoft Entra: RS256) refuses the new tokens`,
        },
    compareSets("aws_session_tags", [...before.awsSessionTags], [...after.awsSessionTags]),
  ];
}

/** A GitHub environment: a permission raised or a repository added widens; the reverse narrows. */
function compareGithubEnvironments(
  before: ReturnType<typeof githubSettingsOf>,
  after: ReturnType<typeof githubSettingsOf>,
): Direction[] {
  const directions: Direction[] = [];
  if (before.app !== after.app || before.owner.toLowerCase() !== after.owner.toLowerCase()) {
    const reason = `app and owner: ${before.app} on ${before.owner} → ${after.app} on ${after.owner}: tokens of another installation`;
    directions.push({ wider: reason, narrower: reason });
  }
  const lower = (names: readonly string[]) => names.map((name) => name.toLowerCase());
  directions.push(compareSets("repositories", lower(before.repositories), lower(after.repositories)));
  for (const name of new Set([...before.permissions.keys(), ...after.permissions.keys()])) {
    const then = before.permissions.get(name);
    const now = after.permissions.get(name);
    if (then === now) continue;
    const change = `permissions.${name}: ${then ?? "(none)"} → ${now ?? "(none)"}`;
    const rank = (level: string | undefined) => (level === undefined ? -1 : ["read", "write", "admin"].indexOf(level));
    directions.push(rank(now) > rank(then) ? { wider: change } : { narrower: change });
  }
  return directions;
}

/** Where an app's tokens come from: another API or app identity is a change of trust. */
function compareGithubApps(base: Fields, head: Fields): Change[] {
  const apps = (policy: Fields) => new Map(Object.entries((policy.github_apps ?? {}) as Record<string, Fields>));
  const before = apps(base);
  const changes: Change[] = [];
  for (const [name, now] of apps(head)) {
    const then = before.get(name);
    if (!then) continue;
    const describe = (app: Fields) =>
      `${app.client_id !== undefined ? `client_id ${app.client_id}` : `app_id ${app.app_id}`} at ${String(app.api_url ?? "https://api.github.com")}`;
    if (describe(then) !== describe(now)) {
      changes.push({
        path: `github_apps.${name}`,
        effect: "widens",
        reasons: [`${describe(then)} → ${describe(now)}: its environments' tokens now come from another app or API`],
      });
    }
  }
  return changes;
}

/** Claims in the order a reader places a job: where, which code, how it ran. */
const CLAIM_ORDER = [
  "iss",
  "repository_id",
  "repository",
  "repository_owner_id",
  "ref",
  "ref_type",
  "environment",
  "job_workflow_ref",
  "event_name",
  "runner_environment",
];

/** One sentence a reviewer can check: who, asking what, gets what now and got what before. */
function describeWidening({ claims, scopes, head, base }: FirstMatchWidening): string {
  const order = (claim: string) => {
    const at = CLAIM_ORDER.indexOf(claim);
    return at < 0 ? CLAIM_ORDER.length : at;
  };
  const who = Object.entries(claims)
    .sort(([a], [b]) => order(a) - order(b) || (a < b ? -1 : 1))
    .filter(([claim, value]) => !(claim === "iss" && value === GITHUB_COM_ISSUER))
    .map(([claim, value]) => `${claim}=${JSON.stringify(value)}`)
    .join(", ");
  const now = `up to ${head.ttl} s under ${JSON.stringify(head.rule)}`;
  const then = base ? `up to ${base.ttl} s under ${JSON.stringify(base.rule)}` : "refused";
  const asking = scopes.length > 0 ? `asking for ${scopes.join(" ")}` : "asking for a token";
  return `first match: a job with ${who || "any claims"} ${asking} now gets ${now} (before: ${then})`;
}

/**
 * Where each trusted issuer's keys come from, compared for the issuers both sides trust: a new
 * location or a new key lets whoever holds it sign tokens that every rule trusting that issuer
 * accepts, so it widens, and it comes first.
 */
function compareIssuerKeys(base: Fields, head: Fields): Change[] {
  type KeySource = { readonly uri: string } | { readonly keys: ReadonlyMap<string, string> };
  const sources = (policy: Fields) => {
    const map = new Map<string, KeySource>();
    for (const item of (policy.issuers as Fields[] | undefined) ?? []) {
      const issuer = String(item.issuer);
      const jwks = item.jwks as { keys?: Fields[] } | undefined;
      map.set(
        issuer,
        jwks?.keys
          ? {
              keys: new Map(
                jwks.keys.map((key) => [String(key.kid), JSON.stringify([key.kty, key.n, key.e, key.alg])]),
              ),
            }
          : { uri: jwksUriOf({ issuer, jwksUri: item.jwks_uri === undefined ? undefined : String(item.jwks_uri) }) },
      );
    }
    return map;
  };
  const before = sources(base);
  const changes: Change[] = [];
  for (const [issuer, now] of sources(head)) {
    const then = before.get(issuer);
    if (!then) continue; // a newly trusted issuer is reported with the trusted issuers
    const path = `issuers[${JSON.stringify(issuer)}]`;
    const consequence = "whoever holds the new keys can sign tokens that every rule trusting this issuer accepts";
    if ("uri" in then && "uri" in now) {
      if (then.uri !== now.uri) {
        changes.push({
          path,
          effect: "widens",
          reasons: [`keys now fetched from ${now.uri} (was ${then.uri}): ${consequence}`],
        });
      }
    } else if ("keys" in then && "keys" in now) {
      const added = [...now.keys].filter(([kid, key]) => then.keys.get(kid) !== key).map(([kid]) => kid);
      const removed = [...then.keys].filter(([kid, key]) => now.keys.get(kid) !== key).map(([kid]) => kid);
      const reasons = [
        ...(added.length > 0 ? [`inline keys added or replaced: ${added.join(", ")}: ${consequence}`] : []),
        ...(removed.length > 0 ? [`inline keys removed or replaced: ${removed.join(", ")}`] : []),
      ];
      if (reasons.length > 0) changes.push({ path, effect: added.length > 0 ? "widens" : "narrows", reasons });
    } else {
      const describe = (source: KeySource) => ("uri" in source ? `fetched from ${source.uri}` : "inline keys");
      changes.push({ path, effect: "widens", reasons: [`keys: ${describe(then)} → ${describe(now)}: ${consequence}`] });
    }
  }
  return changes;
}
