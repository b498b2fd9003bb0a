/**
 * Microsoft Entra: a federated identity credential on an app registration (or a user-assigned
 * managed identity) that names the issuer, the subject and the one audience exactly. Source:
 * "Workload identity federation: considerations" and the federated identity credential API.
 */
import { type FederatedEnvironment, shellQuoted, type TrustConfiguration } from "./types";

const RECOMMENDED_AUDIENCE = "api://AzureADTokenExchange";

export function azureTrust(environment: FederatedEnvironment): TrustConfiguration {
  const limits = [
    "At most 20 federated identity credentials per app registration or managed identity.",
    "Issuer and subject are compared exactly (no wildcards), each at most 600 characters; exactly one audience.",
    "Entra accepts only RS256 tokens and reads the first 100 keys of the issuer's JWKS.",
    "A new credential can take a few minutes to apply: AADSTS70021 until then.",
  ];
  if (environment.algorithm !== "RS256") {
    return {
      text: "",
      json: {},
      limits,
      refusal: `environment "${environment.name}" signs with ${environment.algorithm}, and Microsoft Entra accepts only RS256 tokens (AADSTS5002738): set algorithm: RS256 on it`,
    };
  }
  // Names are 3-120 characters of letters, digits, - and _.
  const name = `downscope-${environment.name}`.replace(/[^A-Za-z0-9_-]/g, "-").slice(0, 120);
  const credential = {
    name,
    issuer: environment.issuer,
    subject: environment.subject,
    audiences: [environment.audience],
    description: `downscope environment ${environment.name}`,
  };
  const text = `# The federated identity credential (APPLICATION_CLIENT_ID is the app registration's):
cat > credential.json <<'JSON'
${JSON.stringify(credential, null, 2)}
JSON
az ad app federated-credential create --id APPLICATION_CLIENT_ID --parameters credential.json

# Or on a user-assigned managed identity:
az identity federated-credential create --name ${name} \\
  --identity-name IDENTITY --resource-group RESOURCE_GROUP \\
  --issuer ${shellQuoted(environment.issuer)} --subject ${shellQuoted(environment.subject)} --audiences ${shellQuoted(environment.audience)}

# In the workflow (examples/workflows/azure.yml): AZURE_FEDERATED_TOKEN_FILE set to the
# action's token-file output, with AZURE_CLIENT_ID and AZURE_TENANT_ID.
${environment.audience === RECOMMENDED_AUDIENCE ? "" : `\n# Note: Microsoft recommends the audience ${RECOMMENDED_AUDIENCE}; this environment's is ${JSON.stringify(environment.audience)}.\n`}`;
  return { text, json: { federated_identity_credential: credential }, limits };
}
