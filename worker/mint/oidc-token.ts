/**
 * Environments of kind `oidc` (federation): a token that a cloud or platform trusts as an
 * OpenID Connect issuer's. Header `{ alg, kid, typ: "JWT" }` (not `at+jwt`: it is not an access
 * token of this service, and downscope/verify and narrowing refuse it for that); `aud` a string
 * (AWS, Entra and Vault compare one value); integer times; the environment's one subject; the
 * job's context for attribute and claim mappings; and AWS session tags when asked.
 */
import { CONTEXT_CLAIMS } from "../../policy/schema";
import type { Claims, CompiledEnvironment } from "../../policy/types";
import type { SigningKey } from "../../protocol/signing-keys";
import { invalidRequest, unavailable } from "../http/errors";
import type { TokenResponse } from "../token-response";
import { signCompactJws } from "./compact-jws";
import type { GrantRequest } from "./grant";

/** RFC 8693 §3: the issued token is a JWT, not an access token of this service. */
export const JWT_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:jwt";
/** The claim AWS reads session tags from (IAM, "Passing session tags using AssumeRoleWithWebIdentity"). */
export const AWS_TAGS_CLAIM = "https://aws.amazon.com/tags";

/**
 * What AWS accepts as a tag value: letters, digits, spaces and `_ . : / = + - @`, at most 256
 * characters (counted here in UTF-8 bytes, the stricter reading). A value outside it is left
 * out, never rewritten: a mangled tag could match another principal's.
 */
const TAG_VALUE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const MAX_TAG_VALUE_BYTES = 256;

export interface OidcMintInput {
  readonly key: SigningKey;
  /** DOWNSCOPE_ISSUER. */
  readonly issuer: string;
  readonly subject: { readonly claims: Claims };
  readonly environment: Pick<CompiledEnvironment, "name" | "audience"> & {
    readonly oidc: NonNullable<CompiledEnvironment["oidc"]>;
  };
  readonly ttl: number;
  /** Seconds since the epoch. */
  readonly now: number;
  readonly jti: string;
}

export interface MintedOidcToken {
  readonly token: string;
  readonly claims: Readonly<Record<string, unknown>>;
  /** Session tags asked for but left out, and why (the value itself is never repeated). */
  readonly droppedTags: readonly { readonly tag: string; readonly reason: string }[];
}

export async function mintOidcToken(input: OidcMintInput): Promise<MintedOidcToken> {
  const { environment, subject } = input;
  const claims: Record<string, unknown> = {
    iss: input.issuer,
    sub: environment.oidc.subject,
    aud: environment.audience,
    iat: input.now,
    nbf: input.now,
    exp: input.now + input.ttl,
    jti: input.jti,
    environment: environment.name,
  };
  for (const name of CONTEXT_CLAIMS) {
    if (typeof subject.claims[name] === "string") claims[name] = subject.claims[name];
  }
  const droppedTags: { tag: string; reason: string }[] = [];
  if (environment.oidc.awsSessionTags.length > 0) {
    const tags: Record<string, string[]> = {};
    for (const tag of environment.oidc.awsSessionTags) {
      const value = claims[tag];
      if (typeof value !== "string") droppedTags.push({ tag, reason: "the job's token does not carry it" });
      else if (!TAG_VALUE.test(value))
        droppedTags.push({ tag, reason: "it holds characters AWS does not allow in a tag" });
      else if (new TextEncoder().encode(value).byteLength > MAX_TAG_VALUE_BYTES) {
        droppedTags.push({ tag, reason: `it is longer than ${MAX_TAG_VALUE_BYTES} bytes` });
      } else tags[tag] = [value];
    }
    // Transitive: a role chained from this session keeps the tags and cannot change them.
    claims[AWS_TAGS_CLAIM] = { principal_tags: tags, transitive_tag_keys: Object.keys(tags) };
  }
  const token = await signCompactJws({ alg: input.key.alg, kid: input.key.kid, typ: "JWT" }, claims, input.key);
  return { token, claims, droppedTags };
}

export async function grantOidcToken(
  { subject, decision, proofs, context }: GrantRequest,
  spend: () => Promise<void>,
): Promise<TokenResponse> {
  const { environment } = decision;
  // No relying party checks a DPoP proof: a binding that nobody checks must not look like one.
  if (proofs !== null) throw invalidRequest("dpop_not_for_oidc");
  const oidc = environment.oidc;
  const key = oidc ? context.config.keys.first(oidc.algorithm) : undefined;
  // Configuration loading refuses a policy whose oidc algorithm has no key; this is the backstop.
  if (!oidc || !key) throw unavailable("misconfigured");
  await spend();
  const jti = context.newJti();
  const minted = await mintOidcToken({
    key,
    issuer: context.config.issuer,
    subject,
    environment: { name: environment.name, audience: environment.audience, oidc },
    ttl: decision.ttl,
    now: context.now,
    jti,
  });
  for (const dropped of minted.droppedTags) {
    context.log({ level: "warn", event: "aws_session_tag_dropped", environment: environment.name, ...dropped });
  }
  context.audit.grant = "oidc";
  context.audit.jti = jti;
  context.audit.kid = key.kid;
  return {
    access_token: minted.token,
    issued_token_type: JWT_TOKEN_TYPE,
    // RFC 8693 §2.2.1: N_A when the issued token is not an access token.
    token_type: "N_A",
    expires_in: decision.ttl,
    environment: environment.name,
  };
}
