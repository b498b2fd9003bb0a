/**
 * Environments of kind `oidc` (federation): downscope mints a token that a cloud or platform
 * trusts as an OpenID Connect issuer's, for one audience and one subject per environment.
 * What the relying party lets the token do is decided there, so there are no scopes, no DPoP
 * (no relying party checks it) and no narrowing; who gets the token is decided here, by rules.
 */
import { LOOPBACK_HOSTS } from "../../protocol/names";
import type { Problems } from "../problems";
import { type KindGrant, type KindInput, lifetimes } from "./kind";

export const OIDC_ALGORITHMS = ["RS256", "ES256"] as const;
export type OidcAlgorithm = (typeof OIDC_ALGORITHMS)[number];

/** Short-lived by default: clouds exchange it at once for their own credentials. */
export const OIDC_DEFAULT_TTL_SECONDS = 300;
/** AWS allows client ids (audiences) of up to 255 characters. */
export const MAX_OIDC_AUDIENCE = 255;
/** Google maps `sub` to google.subject, which holds at most 127 bytes; fewer than 6 is a typo. */
const SUBJECT = /^[\x21-\x7e]{6,127}$/;

export interface OidcSettings {
  /** The `sub` of every token it mints. */
  readonly subject: string;
  readonly algorithm: OidcAlgorithm;
  /** Claims passed to AWS as session tags (`https://aws.amazon.com/tags`). */
  readonly awsSessionTags: readonly string[];
}

/** Why each access-token setting has no place in an `oidc` environment. */
export const NOT_FOR_OIDC: Readonly<Record<string, string>> = {
  scopes:
    "an oidc environment grants no scopes: the relying party (the cloud's role or binding) decides what its token can do",
  default_scopes:
    "an oidc environment grants no scopes: the relying party (the cloud's role or binding) decides what its token can do",
  dpop: "an oidc environment's tokens cannot be DPoP-bound: no cloud checks a DPoP proof, so a binding would only look like one",
  narrowing: "an oidc environment's tokens cannot be narrowed: they are not downscope access tokens",
};

/** The `oidc` settings of a validated-so-far environment; problems go to `problems`. */
export function checkOidcSettings(
  problems: Problems,
  name: string,
  fields: Readonly<Record<string, unknown>>,
  path: string,
): OidcSettings | undefined {
  const before = problems.count;
  for (const [key, why] of Object.entries(NOT_FOR_OIDC)) {
    if (fields[key] !== undefined) problems.error(`${path}.${key}`, why);
  }
  if (fields.audience === undefined) {
    problems.error(
      `${path}.audience`,
      "an oidc environment needs the audience its relying party expects (e.g. sts.amazonaws.com, api://AzureADTokenExchange, or a Google workload identity provider's name)",
    );
  } else if (typeof fields.audience === "string" && fields.audience.length > MAX_OIDC_AUDIENCE) {
    problems.error(`${path}.audience`, `must be at most ${MAX_OIDC_AUDIENCE} characters (AWS's limit for a client id)`);
  }
  const subject = fields.subject === undefined ? `environment:${name}` : fields.subject;
  if (typeof subject === "string" && !SUBJECT.test(subject)) {
    problems.error(
      `${path}.subject`,
      "must be 6 to 127 printable ASCII characters without spaces (Google keeps at most 127 bytes of a subject)",
    );
  } else if (typeof subject === "string" && /[*?]/.test(subject)) {
    problems.error(`${path}.subject`, "must not hold a wildcard: a relying party trusts exactly this subject");
  }
  const algorithm = (fields.algorithm ?? "RS256") as OidcAlgorithm;
  const tags = (fields.aws_session_tags ?? []) as string[];
  if (problems.count !== before || typeof subject !== "string") return undefined;
  return { subject, algorithm, awsSessionTags: tags };
}

/** An `oidc` environment's settings as written in a validated policy value, defaults filled in. */
export function oidcSettingsOf(
  name: string,
  environment: Readonly<Record<string, unknown>>,
): OidcSettings & { readonly audience: string } {
  return {
    audience: String(environment.audience ?? name),
    subject: typeof environment.subject === "string" ? environment.subject : `environment:${name}`,
    algorithm: (environment.algorithm ?? "RS256") as OidcAlgorithm,
    awsSessionTags: Array.isArray(environment.aws_session_tags) ? environment.aws_session_tags.map(String) : [],
  };
}

/** The token in one line, as explain and report show it. */
export function describeOidcToken(settings: OidcSettings & { readonly audience: string }): string {
  const tags =
    settings.awsSessionTags.length > 0 ? `, AWS session tags from ${settings.awsSessionTags.join(", ")}` : "";
  return `an OIDC token for aud "${settings.audience}" with sub "${settings.subject}", signed ${settings.algorithm}${tags}`;
}

/**
 * What AWS and Entra require of an issuer they federate with: https, no port, no query or
 * fragment, no trailing slash (a trailing `/` becomes part of AWS's condition keys). With
 * `loopback`, http and a port on a loopback host too, which only local runs and tests reach.
 * The problem in words, or `undefined`.
 */
export function federationIssuerProblem(
  value: string,
  options: { readonly loopback?: boolean } = {},
): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "is not a URL";
  }
  const local = options.loopback === true && url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== "https:" && !local) {
    return "must be https for oidc environments (relying parties fetch its discovery document)";
  }
  if (url.port !== "" && !local) return "must have no port for oidc environments (AWS refuses an issuer with one)";
  if (url.username || url.password || url.search || url.hash || value.includes("?") || value.includes("#")) {
    return "must have no credentials, query or fragment for oidc environments";
  }
  if (value.endsWith("/")) {
    return "must not end with / for oidc environments (relying parties compare the issuer exactly)";
  }
  return undefined;
}

export function oidcGrant(input: KindInput): KindGrant | undefined {
  // Checked by their schema kinds here; checkOidcSettings reads them.
  input.field("algorithm");
  input.field("aws_session_tags");
  const oidc = checkOidcSettings(input.problems, input.name, input.fields, input.path);
  const { ttl, maxTtl } = lifetimes(input, OIDC_DEFAULT_TTL_SECONDS);
  if (!oidc) return undefined;
  return {
    audience: String(input.fields.audience),
    scopes: [],
    defaultScopes: [],
    ttl,
    maxTtl,
    dpop: "optional",
    narrowing: "denied",
    noScopes: NOT_FOR_OIDC.scopes,
    oidc,
  };
}
