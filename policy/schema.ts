/**
 * The policy's shape, version 1 (docs/policy.md): the one definition that validation reads and that
 * the JSON Schema for editors is generated from. Each field names its kind; `compile.ts` says
 * what each kind accepts.
 */

export type FieldKind =
  | { readonly type: "version" }
  /** https; with `loopback`, http on a loopback host too (local runs and tests reach only those). */
  | { readonly type: "url"; readonly loopback?: boolean }
  | { readonly type: "text"; readonly maxLength: number }
  | { readonly type: "patterns"; readonly prefix?: string }
  | { readonly type: "repository" }
  | { readonly type: "id" }
  | { readonly type: "enum"; readonly values: readonly string[] }
  | { readonly type: "duration" }
  | { readonly type: "scopes" }
  | { readonly type: "claims" }
  | { readonly type: "jwks" }
  | { readonly type: "issuers" }
  | { readonly type: "boolean" }
  /** A list of distinct names out of `values`. */
  | { readonly type: "names"; readonly values: readonly string[] }
  /** Compiled by the kind's own module (policy/kinds/): shapes here for the JSON Schema only. */
  | { readonly type: "strings" }
  | { readonly type: "permissions" }
  | { readonly type: "list"; readonly of: ObjectDefinition }
  | { readonly type: "map"; readonly of: ObjectDefinition };

export interface FieldDefinition {
  readonly kind: FieldKind;
  readonly required?: boolean;
  readonly description: string;
}

export interface ObjectDefinition {
  readonly title: string;
  readonly fields: Readonly<Record<string, FieldDefinition>>;
}

/** Claims that `claims:` may not name: token mechanics, and `workflow`, which any author picks. */
export const RESERVED_CLAIMS: readonly string[] = ["iss", "aud", "sub", "exp", "iat", "nbf", "jti", "workflow"];

const ISSUERS_FIELD: FieldDefinition = {
  kind: { type: "issuers" },
  description:
    "The issuer (or list of issuers) whose tokens this accepts: names and ids mean nothing across issuers. Default: the environment's, else GitHub.com's.",
};

export const RULE: ObjectDefinition = {
  title: "rule",
  fields: {
    name: { kind: { type: "text", maxLength: 128 }, description: "Shown in explanations and audit lines." },
    issuer: ISSUERS_FIELD,
    repository: {
      kind: { type: "repository" },
      description: "owner/name; the owner literal, the name may be a glob (acme/*). Case-insensitive.",
    },
    repository_id: {
      kind: { type: "id" },
      description: "Pins the repository: when given, the id decides and `repository` is only a label.",
    },
    owner_id: { kind: { type: "id" }, description: "The repository_owner_id claim." },
    ref: {
      kind: { type: "patterns", prefix: "refs/" },
      description: "Globs on the ref claim, e.g. refs/heads/main or refs/tags/v*.",
    },
    ref_type: { kind: { type: "enum", values: ["branch", "tag"] }, description: "The ref_type claim." },
    environment: {
      kind: { type: "patterns" },
      description: "The job's GitHub deployment environment (claim `environment`), case-insensitive.",
    },
    workflow: {
      kind: { type: "patterns" },
      description: "Globs on job_workflow_ref, e.g. acme/web/.github/workflows/deploy.yml@**.",
    },
    event: {
      kind: { type: "patterns" },
      description:
        "Globs on event_name. pull_request_target, workflow_run and issue_comment match only when named literally.",
    },
    runner: {
      kind: { type: "enum", values: ["github-hosted", "self-hosted"] },
      description: "The runner_environment claim.",
    },
    claims: {
      kind: { type: "claims" },
      description: "Any other string claim, by its name: a glob or a list of globs.",
    },
    scopes: { kind: { type: "scopes" }, description: "Narrows the environment's scopes for this rule." },
    max_ttl: { kind: { type: "duration" }, description: "Narrows the environment's max_ttl for this rule." },
  },
};

/** The job's context that an `oidc` environment's token carries, and that AWS session tags can name. */
export const CONTEXT_CLAIMS: readonly string[] = [
  "repository",
  "repository_id",
  "repository_owner_id",
  "ref",
  "sha",
  "job_workflow_ref",
  "run_id",
  "run_attempt",
  "event_name",
];

export const ENVIRONMENT: ObjectDefinition = {
  title: "environment",
  fields: {
    kind: {
      kind: { type: "enum", values: ["access", "oidc", "github"] },
      description:
        "What it mints: access (default), an access token for your own APIs; oidc, a token that a cloud or platform trusts as an OpenID Connect issuer's (AWS, Google Cloud, Azure, Vault, Kubernetes); github, a GitHub App installation token for named repositories.",
    },
    issuer: ISSUERS_FIELD,
    audience: {
      kind: { type: "text", maxLength: 512 },
      description: "aud of the minted token (default: the name; required for oidc, at most 255 characters).",
    },
    scopes: {
      kind: { type: "scopes" },
      description: "Every scope this environment can ever grant (required for access; none for oidc).",
    },
    default_scopes: {
      kind: { type: "scopes" },
      description: "Granted when a request names none (default: all `scopes`).",
    },
    ttl: { kind: { type: "duration" }, description: "Default lifetime (default 10m)." },
    max_ttl: { kind: { type: "duration" }, description: "The most a request may ask for (default: ttl; at most 1h)." },
    dpop: {
      kind: { type: "enum", values: ["optional", "required"] },
      description: "Whether tokens must be sender-constrained (RFC 9449).",
    },
    narrowing: {
      kind: { type: "enum", values: ["denied", "allowed"] },
      description:
        "allowed: a holder may exchange its token for a narrower one for a sub-task (docs/narrowing.md). Default denied.",
    },
    subject: {
      kind: { type: "text", maxLength: 127 },
      description:
        "oidc only: the sub of its tokens, the one value the relying party trusts (default environment:<name>; ASCII, 6-127 bytes, no wildcard).",
    },
    algorithm: {
      kind: { type: "enum", values: ["RS256", "ES256"] },
      description:
        "oidc only: how its tokens are signed (default RS256, which every relying party accepts; Microsoft Entra accepts nothing else).",
    },
    aws_session_tags: {
      kind: { type: "names", values: [...CONTEXT_CLAIMS, "environment"] },
      description: "oidc only: claims to pass to AWS as session tags (the https://aws.amazon.com/tags claim).",
    },
    app: { kind: { type: "text", maxLength: 64 }, description: "github only: the app (a key of github_apps)." },
    owner: {
      kind: { type: "text", maxLength: 39 },
      description: "github only: the account (organization or user) the app is installed on.",
    },
    repositories: {
      kind: { type: "strings" },
      description: "github only: the repositories under owner its tokens reach, by name (1 to 500).",
    },
    permissions: {
      kind: { type: "permissions" },
      description: "github only: GitHub permission names and levels, e.g. { contents: read, pull_requests: write }.",
    },
    organization_permissions: {
      kind: { type: "boolean" },
      description:
        "github only: true allows organization permissions (members, organization_*), which reach beyond the repositories.",
    },
    rules: {
      kind: { type: "list", of: RULE },
      required: true,
      description: "Deny by default: a request is allowed when one rule matches.",
    },
  },
};

export const ISSUER: ObjectDefinition = {
  title: "issuer",
  fields: {
    issuer: { kind: { type: "url" }, required: true, description: "The exact iss of the tokens it signs." },
    jwks_uri: {
      kind: { type: "url", loopback: true },
      description: "Where its keys are (default: <issuer>/.well-known/jwks); https, or http on a loopback host.",
    },
    jwks: { kind: { type: "jwks" }, description: "Static public keys, inline (air-gapped installs, tests)." },
  },
};

export const GITHUB_APP: ObjectDefinition = {
  title: "GitHub App",
  fields: {
    client_id: {
      kind: { type: "text", maxLength: 64 },
      description: "The app's client ID (recommended), the iss of its JWT.",
    },
    app_id: { kind: { type: "id" }, description: "Or the app's id." },
    api_url: {
      kind: { type: "url" },
      description: "GitHub's REST API (default https://api.github.com; GHES: https://ghes.example/api/v3).",
    },
  },
};

export const POLICY: ObjectDefinition = {
  title: "policy",
  fields: {
    version: { kind: { type: "version" }, required: true, description: "Always 1." },
    audience: {
      kind: { type: "text", maxLength: 512 },
      description: "The aud a GitHub OIDC token must carry (default: DOWNSCOPE_ISSUER).",
    },
    issuers: {
      kind: { type: "list", of: ISSUER },
      description: "Trusted issuers besides GitHub.com's (enterprise-scoped issuers, GHES instances).",
    },
    github_apps: {
      kind: { type: "map", of: GITHUB_APP },
      description:
        "GitHub Apps whose installation tokens github environments mint; their private keys are in DOWNSCOPE_GITHUB_APP_KEYS.",
    },
    github_com: {
      kind: { type: "boolean" },
      description: "false: GitHub.com's issuer is not trusted at all (GHES-only installs). Default true.",
    },
    environments: {
      kind: { type: "map", of: ENVIRONMENT },
      required: true,
      description: "Target environments by name, matched case-insensitively.",
    },
  },
};
