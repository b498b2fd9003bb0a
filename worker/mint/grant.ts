/**
 * What each kind of environment issues, chosen by the environment's `kind` in this one place.
 * The exchange's shared steps (read the request, verify the subject token, evaluate the rules)
 * come before; each kind then makes the checks it needs that touch no state, spends the subject
 * token through `spend` (single use: nothing is minted unless that claim committed), and mints.
 */
import type { Decision } from "../../policy/evaluate";
import type { Claims, CompiledEnvironment } from "../../policy/types";
import type { ExchangeContext } from "../exchange";
import type { TokenResponse } from "../token-response";
import { grantAccessToken } from "./access-grant";
import { grantGithubToken } from "./github-token";
import { grantOidcToken } from "./oidc-token";

export interface GrantRequest {
  readonly subject: { readonly issuer: string; readonly claims: Claims };
  readonly decision: Extract<Decision, { allowed: true }>;
  /** The request's DPoP header, if any. */
  readonly proofs: string | null;
  readonly context: ExchangeContext;
}

export type Grant = (request: GrantRequest, spend: () => Promise<void>) => Promise<TokenResponse>;

export const GRANTS: Readonly<Record<CompiledEnvironment["kind"], Grant>> = {
  access: grantAccessToken,
  oidc: grantOidcToken,
  github: grantGithubToken,
};
