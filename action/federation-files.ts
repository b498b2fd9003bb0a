/**
 * For a token a cloud trusts (an `oidc` environment's), the files cloud tooling reads it from:
 * the token itself (aws-actions/configure-aws-credentials' `web-identity-token-file`, Azure's
 * `AZURE_FEDERATED_TOKEN_FILE`, a kubeconfig's `tokenFile`, `vault write … jwt=@file`), and, for
 * a Google workload identity provider's audience, an `external_account` credentials file that
 * reads it (`GOOGLE_APPLICATION_CREDENTIALS`). Owner-only files under RUNNER_TEMP, removed by
 * the post step.
 */
import type { SecretFiles } from "./core";

/** RFC 8693's type of the issued token when it is a JWT for a relying party, not an access token. */
export const JWT_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:jwt";

/** A Google workload identity provider's full name, with or without `https:`. */
const GOOGLE_PROVIDER =
  /^(?:https:)?(\/\/iam\.googleapis\.com\/projects\/[^/]+\/locations\/global\/workloadIdentityPools\/[^/]+\/providers\/[^/]+)$/;

export interface FederationFiles {
  readonly tokenFile: string;
  readonly gcpCredentialsFile?: string;
}

export function writeFederationFiles(
  files: SecretFiles,
  token: string,
  audience: unknown,
  gcpServiceAccount: string | undefined,
): FederationFiles {
  // Exactly the token: no trailing newline (configure-aws-credentials does not trim).
  const tokenFile = files.write("token.jwt", token);
  const provider = typeof audience === "string" ? GOOGLE_PROVIDER.exec(audience)?.[1] : undefined;
  if (!provider) return { tokenFile };
  const credentials = {
    type: "external_account",
    audience: provider,
    subject_token_type: JWT_TOKEN_TYPE,
    token_url: "https://sts.googleapis.com/v1/token",
    ...(gcpServiceAccount
      ? {
          service_account_impersonation_url: `https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/${gcpServiceAccount}:generateAccessToken`,
        }
      : {}),
    credential_source: { file: tokenFile, format: { type: "text" } },
  };
  return { tokenFile, gcpCredentialsFile: files.write("gcp-credentials.json", JSON.stringify(credentials, null, 2)) };
}
