/**
 * A policy value → validated, compiled policy (docs/policy.md): validate against `schema.ts`, check
 * what spans fields, lint, and index the rules. Nothing applies unless all of it is valid.
 * Reading YAML text is `policy-text.ts`'s job (the CLI's); the Worker hands in JSON values.
 */

import { HARD_MAX_TTL_SECONDS, parseDuration } from "../protocol/duration";
import { ENVIRONMENT_NAME, GITHUB_COM_ISSUER, LOOPBACK_HOSTS, SCOPE_TOKEN } from "../protocol/names";
import { CONTROL_CHARACTER, INVISIBLE_CHARACTER } from "../protocol/printable";
import { eventCondition, exactCondition, patternCondition, repositoryCondition } from "./conditions";
import { type PolicyDocument, RESERVED_KEYS } from "./document";
import { asciiLower, compileGlob, type GlobOptions, hasWildcard, patternProblem } from "./glob";
import { accessGrant } from "./kinds/access";
import { checkGithubApps, type GithubApp, githubGrant } from "./kinds/github";
import { type EnvironmentKind, KIND_ONLY_FIELDS, type KindGrant, type KindInput } from "./kinds/kind";
import { oidcGrant } from "./kinds/oidc";
import { lintPolicy } from "./lint";
import { closest, notWithin, type Problem, type Problems } from "./problems";
import { buildRuleIndex, lazyRuleIndex, type RuleKey } from "./rule-index";
import { ENVIRONMENT, type FieldKind, ISSUER, type ObjectDefinition, POLICY, RESERVED_CLAIMS, RULE } from "./schema";
import type { CompiledEnvironment, CompiledPolicy, CompiledRule, Condition, TrustedIssuer } from "./types";

export type CompileResult =
  | { readonly ok: true; readonly policy: CompiledPolicy; readonly warnings: readonly Problem[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };

const KIND_GRANTS: Readonly<Record<EnvironmentKind, (input: KindInput) => KindGrant | undefined>> = {
  access: accessGrant,
  oidc: oidcGrant,
  github: githubGrant,
};
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const REPOSITORY_NAME_CHARS = /^[A-Za-z0-9._*?-]+$/;
const CLAIM_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const ID = /^[1-9][0-9]{0,19}$/;
const MAX_INLINE_KEYS = 20;
const PRIVATE_JWK_MEMBERS = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"];

type Fields = Record<string, unknown>;

/** Collects problems with their positions; every check reports and carries on. */
class Checker implements Problems {
  readonly problems: Problem[] = [];
  constructor(private readonly document: PolicyDocument | undefined) {}

  get count(): number {
    return this.problems.length;
  }

  error(path: string, message: string): undefined {
    this.problems.push({ severity: "error", path, message, ...this.document?.locate(path) });
    return undefined;
  }

  get failed(): boolean {
    return this.problems.some((problem) => problem.severity === "error");
  }
}

export interface CompileOptions {
  /** Where the value was written, so problems can name lines; unknown for JSON input. */
  readonly document?: PolicyDocument;
  /**
   * The value comes from a policy artifact that `downscope policy build` validated and linted
   * with this compiler (its digest checked by the caller): environments are still validated,
   * but an environment's rule index is built when a request first targets it, each rule is
   * compiled when a request first concerns it, and lint is not re-run, so a fresh isolate does
   * not pay for 10,000 rules to serve one. A rule that then fails to
   * compile (an artifact built by another version) throws `PolicyArtifactError`: fail closed.
   */
  readonly prevalidated?: boolean;
}

/** A rule of a pre-validated policy that this compiler refuses after all. */
export class PolicyArtifactError extends Error {
  override name = "PolicyArtifactError";
}

export function compilePolicyValue(value: unknown, options: CompileOptions = {}): CompileResult {
  const { document, prevalidated = false } = options;
  const check = new Checker(document);
  const top = checkObject(check, value, "", POLICY);
  if (!top) return { ok: false, problems: check.problems };

  if (top.version !== undefined) checkKind(check, top.version, "version", POLICY.fields.version.kind);
  const issuers = compileIssuers(check, top.issuers);
  const githubCom =
    top.github_com === undefined ? true : checkKind(check, top.github_com, "github_com", POLICY.fields.github_com.kind);
  const trusted = new Set([...(githubCom === false ? [] : [GITHUB_COM_ISSUER]), ...issuers.map((item) => item.issuer)]);
  if (githubCom === false && issuers.length === 0) {
    check.error("github_com", "github_com is false and no issuers are listed: no token could ever be accepted");
  }
  const audience =
    top.audience === undefined
      ? undefined
      : (checkKind(check, top.audience, "audience", POLICY.fields.audience.kind) as string | undefined);
  const githubApps = checkGithubApps(check, top.github_apps);
  const environments = compileEnvironments(check, top.environments, { prevalidated, trusted, githubApps });
  if (check.failed || !environments) return { ok: false, problems: check.problems };

  const policy: CompiledPolicy = {
    version: 1,
    audience,
    issuers,
    githubCom: githubCom !== false,
    githubApps,
    environments,
  };
  const warnings = prevalidated
    ? []
    : lintPolicy(value as Fields).map((problem) => ({ ...problem, ...document?.locate(problem.path) }));
  return { ok: true, policy, warnings };
}

function checkObject(check: Checker, value: unknown, path: string, definition: ObjectDefinition): Fields | undefined {
  const at = path === "" ? "the policy" : path;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return check.error(path, `${at} must be a mapping (${definition.title})`);
  }
  const fields = value as Fields;
  const known = Object.keys(definition.fields);
  for (const key of Object.keys(fields)) {
    if (Object.hasOwn(definition.fields, key)) continue;
    const suggestion = closest(key, known);
    check.error(join(path, key), `unknown key${suggestion ? `, did you mean "${suggestion}"?` : ""}`);
  }
  for (const [key, field] of Object.entries(definition.fields)) {
    if (field.required && (fields[key] === undefined || fields[key] === null)) {
      check.error(join(path, key), `missing required key "${key}" in ${definition.title}`);
    }
  }
  return fields;
}

/** Validates one scalar-ish field by its kind; returns its normalised value, or undefined. */
function checkKind(check: Checker, value: unknown, path: string, kind: FieldKind): unknown {
  switch (kind.type) {
    case "version":
      return value === 1 ? 1 : check.error(path, "must be 1 (the only policy version)");
    case "url":
      return checkUrl(check, value, path);
    case "text":
      if (typeof value !== "string" || value.length === 0) return check.error(path, "must be a non-empty string");
      if (value.length > kind.maxLength) return check.error(path, `must be at most ${kind.maxLength} characters`);
      // Names reach terminals, logs and workflow annotations: no control characters in them.
      if (CONTROL_CHARACTER.test(value)) return check.error(path, "must not contain control characters");
      // A reviewer must read the name that is there: no bidirectional or zero-width characters.
      if (INVISIBLE_CHARACTER.test(value)) {
        return check.error(path, "must not contain bidirectional or zero-width characters");
      }
      return value;
    case "patterns":
      return checkPatterns(check, value, path, kind.prefix);
    case "repository":
      return checkRepository(check, value, path);
    case "id":
      return checkId(check, value, path);
    case "enum":
      if (typeof value === "string" && kind.values.includes(value)) return value;
      return check.error(path, `must be one of ${kind.values.map((v) => `"${v}"`).join(", ")}`);
    case "duration": {
      const seconds = parseDuration(value);
      if (seconds === undefined)
        return check.error(path, 'must be a duration such as "90s", "10m", "1h" or whole seconds');
      if (seconds > HARD_MAX_TTL_SECONDS) return check.error(path, "must be at most 1h");
      return seconds;
    }
    case "scopes":
      return checkScopes(check, value, path);
    case "claims":
      return checkClaims(check, value, path);
    case "jwks":
      return checkJwks(check, value, path);
    case "issuers":
      return checkIssuerList(check, value, path);
    case "boolean":
      return typeof value === "boolean" ? value : check.error(path, "must be true or false");
    case "names": {
      const items = Array.isArray(value) ? value : [value];
      const bad = items.findIndex((item, index) => !kind.values.includes(item) || items.indexOf(item) !== index);
      if (bad < 0) return items as string[];
      return check.error(
        `${path}[${bad}]`,
        `must be one of ${kind.values.join(", ")}, each once${typeof items[bad] === "string" && closest(items[bad], kind.values) ? `; did you mean "${closest(items[bad], kind.values)}"?` : ""}`,
      );
    }
    default:
      return check.error(path, "unexpected field");
  }
}

/** https; with `loopback`, http on a loopback host too (where faults can be tested end to end). */
function checkUrl(check: Checker, value: unknown, path: string, loopback = false): string | undefined {
  if (typeof value !== "string" || value.length === 0 || value.length > 512) {
    return check.error(path, "must be an https URL of at most 512 characters");
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return check.error(path, "must be an https URL");
  }
  const local = loopback && url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== "https:" && !local) {
    return check.error(path, loopback ? "must be an https URL (http only on a loopback host)" : "must be an https URL");
  }
  if (url.username || url.password || url.hash || url.search) {
    return check.error(path, "must not carry credentials, a query or a fragment");
  }
  return value;
}

function checkPatterns(check: Checker, value: unknown, path: string, prefix?: string): string[] | undefined {
  const items = typeof value === "string" ? [value] : value;
  if (typeof value === "boolean" || typeof value === "number") {
    return check.error(path, `must be a string, not ${describe(value)} (quote it)`);
  }
  if (!Array.isArray(items) || items.length === 0) {
    return check.error(path, "must be a pattern or a non-empty list of patterns");
  }
  const patterns: string[] = [];
  items.forEach((item, index) => {
    const itemPath = Array.isArray(value) ? `${path}[${index}]` : path;
    if (typeof item !== "string") {
      check.error(itemPath, `must be a string, not ${describe(item)} (quote it)`);
      return;
    }
    const problem = patternProblem(item);
    if (problem) check.error(itemPath, `invalid pattern: ${problem}`);
    else if (prefix && !item.startsWith(prefix)) check.error(itemPath, `must start with "${prefix}"`);
    else patterns.push(item);
  });
  return patterns.length === items.length ? patterns : undefined;
}

function checkIssuerList(check: Checker, value: unknown, path: string): string[] | undefined {
  const items = typeof value === "string" ? [value] : value;
  if (!Array.isArray(items) || items.length === 0) return check.error(path, "must be an issuer URL or a list of them");
  const urls: string[] = [];
  items.forEach((item, index) => {
    const url = checkUrl(check, item, Array.isArray(value) ? `${path}[${index}]` : path);
    if (url !== undefined && !urls.includes(url)) urls.push(url);
  });
  return urls.length > 0 && urls.length <= items.length ? urls : undefined;
}

/** Every issuer a rule or environment names must be trusted (docs/policy.md). */
function checkTrusted(check: Checker, issuers: readonly string[], path: string, trusted: ReadonlySet<string>): void {
  for (const issuer of issuers) {
    if (trusted.has(issuer)) continue;
    const why =
      issuer === GITHUB_COM_ISSUER
        ? "GitHub.com's issuer is not trusted (github_com: false)"
        : `"${issuer}" is not a trusted issuer: list it under issuers`;
    const suggestion = closest(issuer, [...trusted]);
    check.error(path, `${why}${suggestion ? `; did you mean "${suggestion}"?` : ""}`);
  }
}

function checkRepository(check: Checker, value: unknown, path: string) {
  if (typeof value !== "string") return check.error(path, "must be a string owner/name");
  const { owner, name } = splitRepository(value);
  if (owner === "" || name.includes("/") || name === "") return check.error(path, "must be owner/name");
  if (hasWildcard(owner)) return check.error(path, "the repository owner must be literal (no wildcards)");
  if (!OWNER.test(owner)) return check.error(path, "the repository owner is not a valid GitHub account name");
  const problem = patternProblem(name);
  if (problem) return check.error(path, `invalid pattern: ${problem}`);
  if (!REPOSITORY_NAME_CHARS.test(name))
    return check.error(path, "the repository name has characters GitHub does not allow");
  return repositoryKey(value);
}

function splitRepository(value: string): { owner: string; name: string } {
  const slash = value.indexOf("/");
  return slash <= 0 ? { owner: "", name: "" } : { owner: value.slice(0, slash), name: value.slice(slash + 1) };
}

/** A valid `repository` as rules and the index read it. */
function repositoryKey(source: string) {
  const { owner, name } = splitRepository(source);
  return { owner: asciiLower(owner), name: compileGlob(name, { caseInsensitive: true }), source };
}

function checkId(check: Checker, value: unknown, path: string): string | undefined {
  if (typeof value === "number" && Number.isSafeInteger(value) && value > 0) return String(value);
  if (typeof value === "string" && ID.test(value)) return value;
  return check.error(path, "must be a positive whole number (a GitHub id)");
}

function checkScopes(check: Checker, value: unknown, path: string): string[] | undefined {
  if (!Array.isArray(value)) return check.error(path, "must be a list of scopes");
  const scopes: string[] = [];
  value.forEach((scope, index) => {
    if (typeof scope !== "string" || !SCOPE_TOKEN.test(scope)) {
      check.error(`${path}[${index}]`, "must be a scope: printable ASCII without spaces, quotes or backslashes");
    } else if (scopes.includes(scope)) {
      check.error(`${path}[${index}]`, `duplicate scope "${scope}"`);
    } else scopes.push(scope);
  });
  return scopes.length === value.length ? scopes : undefined;
}

function checkClaims(check: Checker, value: unknown, path: string): Map<string, string[]> | undefined {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return check.error(path, "must be a mapping of claim names to patterns");
  }
  const claims = new Map<string, string[]>();
  for (const [claim, patterns] of Object.entries(value as Fields)) {
    const claimPath = join(path, claim);
    // JSON policies (DOWNSCOPE_POLICY) are refused what the YAML reader refuses.
    if (RESERVED_KEYS.has(claim)) check.error(claimPath, `"${claim}" is a reserved key`);
    else if (!CLAIM_NAME.test(claim)) check.error(claimPath, "is not a claim name");
    else if (RESERVED_CLAIMS.includes(claim)) {
      check.error(
        claimPath,
        `"${claim}" cannot be a condition${claim === "workflow" ? ' (any author picks it; use "workflow:" on job_workflow_ref)' : ""}`,
      );
    } else {
      const checked = checkPatterns(check, patterns, claimPath);
      if (checked) claims.set(claim, checked);
    }
  }
  return claims;
}

function checkJwks(check: Checker, value: unknown, path: string) {
  const keys = (value as { keys?: unknown } | null)?.keys;
  if (value === null || typeof value !== "object" || !Array.isArray(keys) || keys.length === 0) {
    return check.error(path, "must be a JWK set: { keys: [ ... ] }");
  }
  if (keys.length > MAX_INLINE_KEYS) return check.error(path, `must hold at most ${MAX_INLINE_KEYS} keys`);
  const extra = Object.keys(value).filter((key) => key !== "keys");
  if (extra.length > 0) return check.error(join(path, extra[0]), "unknown key");
  let ok = true;
  keys.forEach((key: unknown, index) => {
    const keyPath = `${path}.keys[${index}]`;
    const jwk = key as Fields;
    if (
      key === null ||
      typeof key !== "object" ||
      jwk.kty !== "RSA" ||
      typeof jwk.n !== "string" ||
      typeof jwk.e !== "string"
    ) {
      ok = check.error(keyPath, "must be an RSA public key (kty, n, e)") ?? false;
    } else if (PRIVATE_JWK_MEMBERS.some((member) => member in jwk)) {
      ok = check.error(keyPath, "holds private key material: publish only the public key") ?? false;
    } else if (typeof jwk.kid !== "string" || jwk.kid === "") {
      ok = check.error(keyPath, "must have a kid") ?? false;
    } else if (jwk.alg !== undefined && jwk.alg !== "RS256") {
      ok = check.error(keyPath, "alg must be RS256") ?? false;
    }
  });
  return ok ? { keys: keys as Fields[] } : undefined;
}

function compileIssuers(check: Checker, value: unknown): TrustedIssuer[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    check.error("issuers", "must be a list of issuers");
    return [];
  }
  const issuers: TrustedIssuer[] = [];
  value.forEach((item, index) => {
    const path = `issuers[${index}]`;
    const fields = checkObject(check, item, path, ISSUER);
    if (!fields) return;
    const issuer = checkUrl(check, fields.issuer, join(path, "issuer"));
    const jwksUri =
      fields.jwks_uri === undefined ? undefined : checkUrl(check, fields.jwks_uri, join(path, "jwks_uri"), true);
    const jwks = fields.jwks === undefined ? undefined : checkJwks(check, fields.jwks, join(path, "jwks"));
    if (fields.jwks !== undefined && fields.jwks_uri !== undefined) {
      check.error(path, "give jwks_uri or jwks, not both");
    }
    if (issuer && issuers.some((other) => other.issuer === issuer)) {
      check.error(join(path, "issuer"), "this issuer is listed twice");
    }
    if (issuer) issuers.push({ issuer, ...(jwksUri ? { jwksUri } : {}), ...(jwks ? { jwks } : {}) });
  });
  return issuers;
}

interface EnvironmentContext {
  readonly prevalidated: boolean;
  readonly githubApps: ReadonlyMap<string, GithubApp>;
  /** The issuers the policy trusts. */
  readonly trusted: ReadonlySet<string>;
}

function compileEnvironments(
  check: Checker,
  value: unknown,
  context: EnvironmentContext,
): Map<string, CompiledEnvironment> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) {
    return check.error("environments", "must be a mapping of environment names to environments");
  }
  const entries = Object.entries(value as Fields);
  if (entries.length === 0) return check.error("environments", "must name at least one environment");
  const environments = new Map<string, CompiledEnvironment>();
  for (const [name, body] of entries) {
    const path = join("environments", name);
    if (RESERVED_KEYS.has(name)) {
      check.error(path, `"${name}" is a reserved key`);
      continue;
    }
    if (!ENVIRONMENT_NAME.test(name)) {
      check.error(path, "environment names are 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
      continue;
    }
    const key = asciiLower(name);
    if (environments.has(key)) {
      check.error(path, `the environment "${environments.get(key)?.name}" differs only in case`);
      continue;
    }
    const environment = compileEnvironment(check, name, body, path, context);
    if (environment) environments.set(key, environment);
  }
  return environments;
}

function compileEnvironment(
  check: Checker,
  name: string,
  value: unknown,
  path: string,
  { prevalidated, trusted, githubApps }: EnvironmentContext,
): CompiledEnvironment | undefined {
  const fields = checkObject(check, value, path, ENVIRONMENT);
  if (!fields) return undefined;
  const kinds = ENVIRONMENT.fields;
  const field = <T>(key: string): T | undefined =>
    fields[key] === undefined
      ? undefined
      : (checkKind(check, fields[key], join(path, key), kinds[key].kind) as T | undefined);

  const kind = field<EnvironmentKind>("kind") ?? "access";
  for (const [other, keys] of Object.entries(KIND_ONLY_FIELDS)) {
    if (other === kind) continue;
    for (const key of keys) {
      if (fields[key] !== undefined) check.error(join(path, key), `${key} is for kind: ${other} only`);
    }
  }
  // What the kind grants and how a request narrows it: its own module decides (policy/kinds/).
  const grant = KIND_GRANTS[kind]({ problems: check, name, fields, path, field, githubApps });
  const environmentIssuers = field<string[]>("issuer");
  if (environmentIssuers) checkTrusted(check, environmentIssuers, join(path, "issuer"), trusted);
  // What a rule inherits: its environment's issuers, else GitHub.com's (docs/policy.md).
  const inherited = { issuers: environmentIssuers ?? [GITHUB_COM_ISSUER], trusted };

  const rulesPath = join(path, "rules");
  const rawRules = fields.rules;
  if (rawRules !== undefined && rawRules !== null && (!Array.isArray(rawRules) || rawRules.length === 0)) {
    check.error(rulesPath, "must be a non-empty list of rules (an environment without rules grants nothing)");
  }
  if (!grant || !Array.isArray(rawRules)) {
    if (Array.isArray(rawRules) && !prevalidated) {
      compileRules(check, rawRules, rulesPath, { scopes: [], maxTtl: HARD_MAX_TTL_SECONDS, ...inherited });
    }
    return undefined;
  }
  const limits: RuleContext = { scopes: grant.scopes, maxTtl: grant.maxTtl, noScopes: grant.noScopes, ...inherited };
  const { noScopes: _, ...granted } = grant;
  const settings = { name, kind, ...granted, ruleCount: rawRules.length };
  if (!prevalidated) {
    const rules = compileRules(check, rawRules, rulesPath, limits);
    if (rules.length !== rawRules.length) return undefined;
    const rule = (position: number) => rules[position] as CompiledRule;
    return { ...settings, rule, index: buildRuleIndex(rules, rule) };
  }
  const compiled: (CompiledRule | undefined)[] = [];
  const rule = (position: number): CompiledRule => {
    let found = compiled[position];
    if (!found) {
      const ruleCheck = new Checker(undefined);
      const rulePath = `${rulesPath}[${position}]`;
      found = compileRule(ruleCheck, rawRules[position], position, rulePath, limits);
      if (!found) {
        const first = ruleCheck.problems[0];
        throw new PolicyArtifactError(`${first?.path || rulePath}: ${first?.message ?? "invalid rule"}`);
      }
      compiled[position] = found;
    }
    return found;
  };
  const keys = () => rawRules.map((raw, position) => prevalidatedRuleKey(raw as Fields, position, inherited.issuers));
  return { ...settings, rule, index: lazyRuleIndex(keys, rule) };
}

/** What a rule is checked against: its environment's limits and issuers, and the trusted issuers. */
interface RuleContext {
  readonly scopes: readonly string[];
  readonly maxTtl: number;
  /** Why the rules may not name scopes, when their environment grants none. */
  readonly noScopes?: string;
  /** The environment's issuers (or GitHub.com's), for rules that name none. */
  readonly issuers: readonly string[];
  readonly trusted: ReadonlySet<string>;
}

function compileRules(
  check: Checker,
  rawRules: readonly unknown[],
  rulesPath: string,
  context: RuleContext,
): CompiledRule[] {
  const rules: CompiledRule[] = [];
  rawRules.forEach((raw, position) => {
    const compiled = compileRule(check, raw, position, `${rulesPath}[${position}]`, context);
    if (compiled) rules.push(compiled);
  });
  return rules;
}

/** What the index needs of a rule that the build validated: read, not re-checked. */
function prevalidatedRuleKey(raw: Fields, position: number, inherited: readonly string[]): RuleKey {
  const id = (value: unknown) => (value === undefined ? undefined : String(value));
  const issuers =
    raw.issuer === undefined ? inherited : Array.isArray(raw.issuer) ? raw.issuer.map(String) : [String(raw.issuer)];
  const repositoryId = id(raw.repository_id);
  const ownerId = id(raw.owner_id);
  return {
    position,
    issuers,
    ...(repositoryId !== undefined ? { repositoryId } : {}),
    ...(ownerId !== undefined ? { ownerId } : {}),
    ...(typeof raw.repository === "string" ? { repository: repositoryKey(raw.repository) } : {}),
  };
}

function compileRule(
  check: Checker,
  value: unknown,
  position: number,
  path: string,
  { scopes: environmentScopes, maxTtl: environmentMaxTtl, noScopes, issuers: inherited, trusted }: RuleContext,
): CompiledRule | undefined {
  const fields = checkObject(check, value, path, RULE);
  if (!fields) return undefined;
  const before = check.problems.length;
  const field = <T>(key: string): T | undefined =>
    fields[key] === undefined
      ? undefined
      : (checkKind(check, fields[key], join(path, key), RULE.fields[key].kind) as T | undefined);

  const name = field<string>("name");
  const repository = field<ReturnType<typeof checkRepository>>("repository");
  const repositoryId = field<string>("repository_id");
  const ownerId = field<string>("owner_id");
  if (fields.repository === undefined && fields.repository_id === undefined && fields.owner_id === undefined) {
    check.error(path, "a rule must name its repository (repository or repository_id) or at least owner_id");
  }

  const ownIssuers = field<string[]>("issuer");
  if (ownIssuers) checkTrusted(check, ownIssuers, join(path, "issuer"), trusted);
  else if (inherited.length === 1 && inherited[0] === GITHUB_COM_ISSUER && !trusted.has(GITHUB_COM_ISSUER)) {
    check.error(
      path,
      "no issuer: the rule relies on GitHub.com's, which github_com: false does not trust; name its issuer here or on its environment",
    );
  }
  const issuers = ownIssuers ?? inherited;

  // The issuer first: names and ids below mean something only within it.
  const conditions: Condition[] = [exactCondition("issuer", "iss", issuers)];
  if (repositoryId !== undefined) conditions.push(exactCondition("repository_id", "repository_id", [repositoryId]));
  else if (repository) conditions.push(repositoryCondition(repository.source, repository.owner, repository.name));
  if (ownerId !== undefined) conditions.push(exactCondition("owner_id", "repository_owner_id", [ownerId]));
  const patterns = (key: string, claim: string, options: GlobOptions = {}) => {
    const list = field<string[]>(key);
    if (list) conditions.push(patternCondition(key, claim, list, options));
  };
  patterns("ref", "ref");
  const refType = field<string>("ref_type");
  if (refType) conditions.push(exactCondition("ref_type", "ref_type", [refType]));
  patterns("environment", "environment", { caseInsensitive: true });
  // `<owner>/<repo>/<path>@<ref>`: no wildcard crosses (or reaches past) the `@` (docs/policy.md).
  patterns("workflow", "job_workflow_ref", { atIsLiteral: true });
  conditions.push(eventCondition(field<string[]>("event")));
  const runner = field<string>("runner");
  if (runner) conditions.push(exactCondition("runner", "runner_environment", [runner]));
  for (const [claim, list] of field<Map<string, string[]>>("claims") ?? []) {
    conditions.push(patternCondition(`claims.${claim}`, claim, list));
  }

  const scopes = field<string[]>("scopes");
  if (scopes && noScopes) check.error(join(path, "scopes"), noScopes);
  else if (scopes) notWithin(check, scopes, environmentScopes, join(path, "scopes"), "its environment's scopes");
  const maxTtl = field<number>("max_ttl");
  if (maxTtl !== undefined && maxTtl > environmentMaxTtl) {
    check.error(join(path, "max_ttl"), "must not exceed its environment's max_ttl (a rule can only narrow it)");
  }
  if (check.problems.length !== before) return undefined;
  return {
    position,
    label: name ?? `rules[${position}]`,
    issuers,
    ...(repositoryId !== undefined ? { repositoryId } : {}),
    ...(ownerId !== undefined ? { ownerId } : {}),
    ...(repository ? { repository } : {}),
    conditions,
    ...(scopes ? { scopes } : {}),
    ...(maxTtl !== undefined ? { maxTtl } : {}),
  };
}

function join(path: string, key: string): string {
  return path === "" ? key : `${path}.${key}`;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "a mapping" : `the ${typeof value} ${JSON.stringify(value)}`;
}
