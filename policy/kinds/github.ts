/**
 * Environments of kind `github`: downscope mints a GitHub App installation token for named
 * repositories of one account, with named permissions, for the jobs the rules admit. Lifetime
 * is GitHub's hour; there is no audience (the token is GitHub's), no scopes beyond GitHub's
 * permissions, no DPoP and no narrowing. The policy names its apps in `github_apps`; their
 * private keys are in DOWNSCOPE_GITHUB_APP_KEYS.
 */
import { LOOPBACK_HOSTS } from "../../protocol/names";
import { closest, type Problems } from "../problems";
import { GITHUB_PERMISSIONS } from "./github-permissions";
import type { KindGrant, KindInput } from "./kind";

export type PermissionLevel = "read" | "write" | "admin";
const LEVELS: readonly PermissionLevel[] = ["read", "write", "admin"];
export const MAX_GITHUB_REPOSITORIES = 500;
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const REPOSITORY = /^[A-Za-z0-9._-]{1,100}$/;

export interface GithubApp {
  /** Its name in `github_apps`, which DOWNSCOPE_GITHUB_APP_KEYS keys its private key by. */
  readonly name: string;
  /** What the app JWT's `iss` is: the client ID (GitHub's recommendation) or the app id. */
  readonly issuer: string;
  /** REST API base, without a trailing slash. */
  readonly apiUrl: string;
}

export interface GithubSettings {
  readonly app: GithubApp;
  readonly owner: string;
  /** Names under `owner`, as written. */
  readonly repositories: readonly string[];
  readonly permissions: ReadonlyMap<string, PermissionLevel>;
}

/** Account permissions (members, organization_*): only with `organization_permissions: true`. */
export const isOrganizationPermission = (name: string) => name === "members" || name.includes("organization");

/** Why each access-token setting has no place in a `github` environment. */
export const NOT_FOR_GITHUB: Readonly<Record<string, string>> = {
  audience: "a github environment's token is GitHub's: its audience is GitHub's API",
  scopes: "a github environment grants GitHub permissions: name them in permissions",
  default_scopes: "a github environment grants GitHub permissions: name them in permissions",
  dpop: "GitHub checks no DPoP proof",
  narrowing: "a GitHub token cannot be narrowed by downscope",
  ttl: "GitHub sets an installation token's lifetime (one hour)",
  max_ttl: "GitHub sets an installation token's lifetime (one hour)",
};

/** `github_apps`: each app's issuer (client_id or app_id) and API URL. */
export function checkGithubApps(problems: Problems, value: unknown): Map<string, GithubApp> {
  const apps = new Map<string, GithubApp>();
  if (value === undefined || value === null) return apps;
  if (typeof value !== "object" || Array.isArray(value)) {
    problems.error("github_apps", "must be a mapping of app names to { client_id | app_id, api_url }");
    return apps;
  }
  for (const [name, body] of Object.entries(value as Record<string, unknown>)) {
    const path = `github_apps.${name}`;
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(name)) {
      problems.error(path, "app names are 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
      continue;
    }
    const fields = (body ?? {}) as Record<string, unknown>;
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      problems.error(path, "must be a mapping with client_id or app_id");
      continue;
    }
    for (const key of Object.keys(fields)) {
      if (!["client_id", "app_id", "api_url"].includes(key)) {
        const suggestion = closest(key, ["client_id", "app_id", "api_url"]);
        problems.error(`${path}.${key}`, `unknown key${suggestion ? `, did you mean "${suggestion}"?` : ""}`);
      }
    }
    const clientId = fields.client_id;
    const appId = fields.app_id;
    if ((clientId === undefined) === (appId === undefined)) {
      problems.error(path, "give client_id (recommended) or app_id: one of them");
      continue;
    }
    if (clientId !== undefined && (typeof clientId !== "string" || !/^[A-Za-z0-9.]{4,64}$/.test(clientId))) {
      problems.error(`${path}.client_id`, "must be the app's client ID, e.g. Iv23liAbCdEfGh");
      continue;
    }
    const id = typeof appId === "number" ? String(appId) : appId;
    if (appId !== undefined && (typeof id !== "string" || !/^[1-9][0-9]{0,19}$/.test(id))) {
      problems.error(`${path}.app_id`, "must be the app's id, a positive whole number");
      continue;
    }
    const apiUrl = checkApiUrl(problems, fields.api_url ?? "https://api.github.com", `${path}.api_url`);
    if (apiUrl) apps.set(name, { name, issuer: String(clientId ?? id), apiUrl });
  }
  return apps;
}

/** https, or http on a loopback host (tests, local runs); no credentials, query or fragment. */
function checkApiUrl(problems: Problems, value: unknown, path: string): string | undefined {
  let url: URL | undefined;
  try {
    url = typeof value === "string" && value.length <= 512 ? new URL(value) : undefined;
  } catch {}
  const local = url?.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname);
  if (!url || (url.protocol !== "https:" && !local)) {
    return problems.error(
      path,
      "must be an https URL (http only on a loopback host), e.g. https://ghes.example/api/v3",
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    return problems.error(path, "must not carry credentials, a query or a fragment");
  }
  return String(value).replace(/\/+$/, "");
}

/** The `github` settings of an environment; problems go to `problems`. */
export function checkGithubSettings(
  problems: Problems,
  fields: Readonly<Record<string, unknown>>,
  path: string,
  apps: ReadonlyMap<string, GithubApp>,
): GithubSettings | undefined {
  const before = problems.count;
  for (const [key, why] of Object.entries(NOT_FOR_GITHUB)) {
    if (fields[key] !== undefined) problems.error(`${path}.${key}`, why);
  }
  const appName = fields.app;
  const app = typeof appName === "string" ? apps.get(appName) : undefined;
  if (appName === undefined) problems.error(`${path}.app`, "a github environment names its app (a key of github_apps)");
  else if (!app) {
    const suggestion = typeof appName === "string" ? closest(appName, [...apps.keys()]) : undefined;
    problems.error(`${path}.app`, `not an app of github_apps${suggestion ? `; did you mean "${suggestion}"?` : ""}`);
  }
  const owner = fields.owner;
  if (typeof owner !== "string" || !OWNER.test(owner)) {
    problems.error(`${path}.owner`, "must be the GitHub account (organization or user) the app is installed on");
  }
  const repositories = fields.repositories;
  if (!Array.isArray(repositories) || repositories.length === 0 || repositories.length > MAX_GITHUB_REPOSITORIES) {
    problems.error(
      `${path}.repositories`,
      `must list 1 to ${MAX_GITHUB_REPOSITORIES} repository names under owner (GitHub's limit for one token)`,
    );
  } else {
    const seen = new Set<string>();
    repositories.forEach((repository, index) => {
      if (typeof repository !== "string" || !REPOSITORY.test(repository) || repository.includes("/")) {
        problems.error(
          `${path}.repositories[${index}]`,
          "must be a repository name under owner (no owner/, no wildcard)",
        );
      } else if (seen.has(repository.toLowerCase())) {
        problems.error(`${path}.repositories[${index}]`, `"${repository}" is listed twice`);
      } else seen.add(repository.toLowerCase());
    });
  }
  const permissions = checkPermissions(
    problems,
    fields.permissions,
    `${path}.permissions`,
    fields.organization_permissions === true,
  );
  if (problems.count !== before || !app || !permissions) return undefined;
  return { app, owner: owner as string, repositories: repositories as string[], permissions };
}

function checkPermissions(
  problems: Problems,
  value: unknown,
  path: string,
  organization: boolean,
): Map<string, PermissionLevel> | undefined {
  if (value === null || typeof value !== "object" || Array.isArray(value) || Object.keys(value).length === 0) {
    return problems.error(
      path,
      "must map GitHub permission names to levels, e.g. { contents: read, pull_requests: write }",
    );
  }
  const permissions = new Map<string, PermissionLevel>();
  for (const [name, level] of Object.entries(value as Record<string, unknown>)) {
    const levels = Object.hasOwn(GITHUB_PERMISSIONS, name) ? GITHUB_PERMISSIONS[name] : undefined;
    if (!levels) {
      const suggestion = closest(name, Object.keys(GITHUB_PERMISSIONS));
      problems.error(
        `${path}.${name}`,
        `not a GitHub permission${suggestion ? `; did you mean "${suggestion}"?` : ""}`,
      );
    } else if (typeof level !== "string" || !levels.includes(level as PermissionLevel)) {
      problems.error(`${path}.${name}`, `must be ${levels.join(" or ")} (what GitHub allows for ${name})`);
    } else if (isOrganizationPermission(name) && !organization) {
      problems.error(
        `${path}.${name}`,
        "an organization permission: set organization_permissions: true on the environment to grant it (it reaches beyond the repositories)",
      );
    } else permissions.set(name, level as PermissionLevel);
  }
  return permissions.size === Object.keys(value).length ? permissions : undefined;
}

/**
 * What a request may ask for, as scope items `name:level`: each permission at its level and
 * every level below it (`contents:write` allows asking for `contents:read`).
 */
export function permissionScopes(permissions: ReadonlyMap<string, PermissionLevel>): string[] {
  const items: string[] = [];
  for (const [name, level] of permissions) {
    for (const lower of GITHUB_PERMISSIONS[name] ?? []) {
      if (LEVELS.indexOf(lower) <= LEVELS.indexOf(level)) items.push(`${name}:${lower}`);
    }
  }
  return items;
}

/** Scope items back to GitHub's `permissions` body: the highest level asked for each name. */
export function permissionsOf(scopes: readonly string[]): Record<string, PermissionLevel> {
  const permissions: Record<string, PermissionLevel> = Object.create(null);
  for (const item of scopes) {
    const [name, level] = item.split(":") as [string, PermissionLevel];
    if (permissions[name] === undefined || LEVELS.indexOf(level) > LEVELS.indexOf(permissions[name])) {
      permissions[name] = level;
    }
  }
  return permissions;
}

/** Whether `level` is at most `allowed`. */
export const levelWithin = (level: string, allowed: string) =>
  LEVELS.includes(level as PermissionLevel) &&
  LEVELS.indexOf(level as PermissionLevel) <= LEVELS.indexOf(allowed as PermissionLevel);

/**
 * The repository a `resource` names, when it is one of `settings`' (`https://github.com/acme/web`,
 * or the GHES host for an app on GHES); `undefined` otherwise.
 */
export function repositoryOfResource(settings: GithubSettings, resource: string): string | undefined {
  let url: URL;
  try {
    url = new URL(resource);
  } catch {
    return undefined;
  }
  const api = new URL(settings.app.apiUrl);
  const webHost = api.host === "api.github.com" ? "github.com" : api.host;
  const parts = url.pathname.split("/").filter((part) => part !== "");
  if (url.host !== webHost || url.search || url.hash || parts.length !== 2) return undefined;
  if (parts[0].toLowerCase() !== settings.owner.toLowerCase()) return undefined;
  return settings.repositories.find((name) => name.toLowerCase() === parts[1].toLowerCase());
}

/** The settings as written in a validated policy value, for report and diff. */
export function githubSettingsOf(environment: Readonly<Record<string, unknown>>) {
  return {
    app: String(environment.app),
    owner: String(environment.owner),
    repositories: (environment.repositories as string[]) ?? [],
    permissions: new Map(Object.entries((environment.permissions ?? {}) as Record<string, string>)),
  };
}

/** The token in one line, as explain and report show it. */
export function describeGithubToken(settings: ReturnType<typeof githubSettingsOf>): string {
  const permissions = [...settings.permissions].map(([name, level]) => `${name}:${level}`).join(" ");
  return `a GitHub token of app "${settings.app}" for ${settings.owner}/{${settings.repositories.join(",")}} with ${permissions}`;
}

/** GitHub sets an installation token's lifetime: one hour. */
export const GITHUB_TOKEN_SECONDS = 3600;

export function githubGrant(input: KindInput): KindGrant | undefined {
  input.field("organization_permissions");
  const github = checkGithubSettings(input.problems, input.fields, input.path, input.githubApps);
  if (!github) return undefined;
  return {
    // No audience: `resource` names repositories here, never an environment.
    audience: "",
    scopes: permissionScopes(github.permissions),
    defaultScopes: [...github.permissions].map(([name, level]) => `${name}:${level}`),
    ttl: GITHUB_TOKEN_SECONDS,
    maxTtl: GITHUB_TOKEN_SECONDS,
    dpop: "optional",
    narrowing: "denied",
    noScopes: "a github environment's rules grant no scopes of their own: the environment's permissions apply",
    github,
  };
}
