import type { JWK } from "jose";

export declare const GITHUB_ISSUER: string;
export declare function generateIssuerKey(): Promise<{
  privateJwk: JWK & { kid: string };
  publicJwk: JWK & { kid: string };
}>;
export declare function githubClaims(overrides?: Record<string, unknown>, now?: number): Record<string, unknown>;
export declare function signGithubToken(
  privateJwk: JWK,
  claims: Record<string, unknown>,
  header?: Record<string, unknown>,
): Promise<string>;
