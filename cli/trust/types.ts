/** What each provider's trust configuration is made from, and what it gives back. */
export interface FederatedEnvironment {
  readonly name: string;
  /** DOWNSCOPE_ISSUER, checked: https, no port, no trailing slash. */
  readonly issuer: string;
  readonly audience: string;
  readonly subject: string;
  readonly algorithm: "RS256" | "ES256";
  readonly awsSessionTags: readonly string[];
  /** The job's context claims every token carries, for attribute and claim mappings. */
  readonly contextClaims: readonly string[];
}

export interface TrustConfiguration {
  /** For people: commands and documents to apply, in order. */
  readonly text: string;
  /** For machines: the same documents as values. */
  readonly json: Readonly<Record<string, unknown>>;
  /** The provider's published limits that apply to this configuration. */
  readonly limits: readonly string[];
  /** Set when the provider cannot trust this environment as configured, saying what to change. */
  readonly refusal?: string;
}

/** The issuer as relying parties that key conditions on it write it: no scheme. */
export const issuerHost = (issuer: string) => issuer.replace(/^https:\/\//, "");

/** A value inside a shell command's double quotes. */
export const shellQuoted = (value: string) => `"${value.replace(/(["\\$`])/g, "\\$1")}"`;
