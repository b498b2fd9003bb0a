/**
 * Minting the access token (docs/protocol.md): an RFC 9068 JWT for one environment, one audience and
 * the granted scopes. The claims are an explicit list: nothing else is copied from the subject.
 */

import { CONTEXT_CLAIMS } from "../../policy/schema";
import type { Claims } from "../../policy/types";
import type { SigningKey } from "../../protocol/signing-keys";
import { signCompactJws } from "./compact-jws";

export interface MintInput extends Grant {
  /** DOWNSCOPE_ISSUER. */
  readonly issuer: string;
  readonly subject: { readonly issuer: string; readonly claims: Claims };
  readonly environment: string;
  readonly audience: string;
}

export interface MintedToken {
  readonly token: string;
  readonly claims: Readonly<Record<string, unknown>>;
}

export async function mintAccessToken(input: MintInput): Promise<MintedToken> {
  const { claims: subject } = input.subject;
  return signAccessToken(
    input,
    {
      iss: input.issuer,
      sub: `repo:${subject.repository}:environment:${input.environment}`,
      aud: input.audience,
      client_id: subject.repository,
      environment: input.environment,
    },
    subject,
    {
      act:
        typeof subject.sub === "string"
          ? { iss: input.subject.issuer, sub: subject.sub }
          : { iss: input.subject.issuer },
    },
  );
}

export interface NarrowInput extends Grant {
  /** The verified claims of the token being narrowed (minted by this service). */
  readonly parent: Readonly<Record<string, unknown>> & { readonly jti: string };
  /** Its ancestors' ids, root first (docs/narrowing.md). */
  readonly ancestorJtis: readonly string[];
}

/**
 * A narrowed token (docs/narrowing.md): the parent's identity, environment and audience, fewer or equal
 * scopes, a lifetime within the parent's; `act` one level deeper, with the parent's subject
 * inside (RFC 8693 §4.1), and its lineage for revocation. Nothing else is copied.
 */
export async function mintNarrowedToken(input: NarrowInput): Promise<MintedToken> {
  const { parent } = input;
  const identity = {
    iss: parent.iss,
    sub: parent.sub,
    aud: parent.aud,
    client_id: parent.client_id,
    environment: parent.environment,
  };
  return signAccessToken(input, identity, parent, {
    act: { iss: parent.iss, sub: parent.sub, ...(parent.act !== undefined ? { act: parent.act } : {}) },
    parent_jti: parent.jti,
    ancestor_jtis: [...input.ancestorJtis, parent.jti],
  });
}

/** What every minted token is given: key, scopes, lifetime, id, and the holder's key if bound. */
interface Grant {
  readonly key: SigningKey;
  readonly scopes: readonly string[];
  readonly ttl: number;
  /** Seconds since the epoch. */
  readonly now: number;
  readonly jti: string;
  /** RFC 7638 thumbprint of the holder's DPoP key, when the token is sender-constrained. */
  readonly jkt?: string;
}

/** The claims in the order docs/protocol.md lists them in: identity, times and grant, what `source` states of the job, then `extra`. */
async function signAccessToken(
  grant: Grant,
  identity: {
    readonly iss: unknown;
    readonly sub: unknown;
    readonly aud: unknown;
    readonly client_id: unknown;
    readonly environment: unknown;
  },
  source: Readonly<Record<string, unknown>>,
  extra: Readonly<Record<string, unknown>>,
): Promise<MintedToken> {
  const claims: Record<string, unknown> = {
    iss: identity.iss,
    sub: identity.sub,
    aud: identity.aud,
    iat: grant.now,
    nbf: grant.now,
    exp: grant.now + grant.ttl,
    jti: grant.jti,
    client_id: identity.client_id,
    scope: grant.scopes.join(" "),
    environment: identity.environment,
  };
  // The job's context, copied when the subject carries it (as strings: verification ensured it).
  for (const name of CONTEXT_CLAIMS) {
    if (typeof source[name] === "string") claims[name] = source[name];
  }
  Object.assign(claims, extra);
  if (grant.jkt !== undefined) claims.cnf = { jkt: grant.jkt };
  const token = await signCompactJws({ alg: grant.key.alg, kid: grant.key.kid, typ: "at+jwt" }, claims, grant.key);
  return { token, claims };
}
