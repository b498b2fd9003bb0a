/**
 * Google Cloud: a workload identity pool provider for the issuer that maps `google.subject` to
 * the token's `sub` and admits only this environment's subject, and a binding for that one
 * principal. Sources: IAM workloadIdentityPools.providers (REST), STS token exchange, and
 * `gcloud iam workload-identity-pools create-cred-config`.
 */
import { type FederatedEnvironment, shellQuoted, type TrustConfiguration } from "./types";

const PROVIDER_NAME =
  /^(?:https:)?\/\/iam\.googleapis\.com\/projects\/([^/]+)\/locations\/global\/workloadIdentityPools\/([^/]+)\/providers\/([^/]+)$/;

export function gcpTrust(environment: FederatedEnvironment): TrustConfiguration {
  const named = PROVIDER_NAME.exec(environment.audience);
  const [project, pool, provider] = named ? named.slice(1) : ["PROJECT_NUMBER", "POOL", "PROVIDER"];
  const mapping = {
    "google.subject": "assertion.sub",
    ...Object.fromEntries(
      [...environment.contextClaims, "environment"].map((claim) => [`attribute.${claim}`, `assertion.${claim}`]),
    ),
  };
  const condition = `assertion.sub == ${JSON.stringify(environment.subject).replaceAll('"', "'")}`;
  const member = `principal://iam.googleapis.com/projects/${project}/locations/global/workloadIdentityPools/${pool}/subject/${environment.subject}`;
  const audiences = named ? [] : [environment.audience];
  const text = `# 1. The provider (its pool must exist: gcloud iam workload-identity-pools create ${pool} --location=global):
gcloud iam workload-identity-pools providers create-oidc ${provider} \\
  --project=${project} --location=global --workload-identity-pool=${pool} \\
  --issuer-uri=${shellQuoted(environment.issuer)} \\${audiences.length > 0 ? `\n  --allowed-audiences=${shellQuoted(environment.audience)} \\` : ""}
  --attribute-mapping=${shellQuoted(
    Object.entries(mapping)
      .map(([key, value]) => `${key}=${value}`)
      .join(","),
  )} \\
  --attribute-condition=${shellQuoted(condition)}

# 2. What the principal may do, e.g. impersonate a service account:
gcloud iam service-accounts add-iam-policy-binding SERVICE_ACCOUNT_EMAIL \\
  --role=roles/iam.workloadIdentityUser \\
  --member=${shellQuoted(member)}

# 3. In the workflow (examples/workflows/gcp.yml): the action writes an external_account
#   credentials file (output gcp-credentials-file) when the audience is the provider's name${named ? "" : ";\n#   this audience is not, so the file is not written: set the environment's audience to\n#   //iam.googleapis.com/projects/N/locations/global/workloadIdentityPools/P/providers/V"}.
`;
  return {
    text,
    json: {
      workload_identity_provider: {
        name: `projects/${project}/locations/global/workloadIdentityPools/${pool}/providers/${provider}`,
        oidc: { issuerUri: environment.issuer, ...(audiences.length > 0 ? { allowedAudiences: audiences } : {}) },
        attributeMapping: mapping,
        attributeCondition: condition,
      },
      principal: member,
    },
    limits: [
      "google.subject holds at most 127 bytes (downscope's subjects are 6 to 127 ASCII characters).",
      "At most 10 allowed audiences; without any, aud must be the provider's full resource name.",
      "The attribute condition is CEL of at most 4,096 characters; at most 50 custom attributes, 8 KB mapped in all.",
      "Google accepts RS256 and ES256 tokens with a kid; exp must be less than 48 hours after iat (downscope's: at most 1 hour).",
    ],
  };
}
