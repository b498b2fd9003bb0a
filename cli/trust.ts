/**
 * `downscope trust <provider> <policy> --environment <name> --issuer <url>`: what a relying party
 * needs to trust one `oidc` environment's tokens, matching `iss`, `aud` and `sub` exactly (no
 * wildcard anywhere), with the provider's limits that apply. One module per provider under
 * cli/trust/; this one reads the policy, checks the issuer, and prints.
 */
import { federationIssuerProblem } from "../policy/kinds/oidc";
import { CONTEXT_CLAIMS } from "../policy/schema";
import { CliError, type CliIo, shown } from "./io";
import { loadPolicy } from "./policy-explain";
import { awsTrust } from "./trust/aws";
import { azureTrust } from "./trust/azure";
import { gcpTrust } from "./trust/gcp";
import { kubernetesTrust } from "./trust/kubernetes";
import type { FederatedEnvironment, TrustConfiguration } from "./trust/types";
import { vaultTrust } from "./trust/vault";

const PROVIDERS: Readonly<Record<string, (environment: FederatedEnvironment) => TrustConfiguration>> = {
  aws: awsTrust,
  gcp: gcpTrust,
  azure: azureTrust,
  vault: vaultTrust,
  kubernetes: kubernetesTrust,
};
export const TRUST_PROVIDERS = Object.keys(PROVIDERS);

export function trust(
  io: CliIo,
  provider: string,
  file: string,
  options: { readonly environment: string; readonly issuer: string; readonly json?: boolean },
): number {
  const make = Object.hasOwn(PROVIDERS, provider) ? PROVIDERS[provider] : undefined;
  if (!make) throw new CliError(`the provider must be one of ${TRUST_PROVIDERS.join(", ")}, not "${shown(provider)}"`);
  const problem = federationIssuerProblem(options.issuer);
  if (problem) throw new CliError(`--issuer ${problem}: give DOWNSCOPE_ISSUER exactly as the service has it`);
  const policy = loadPolicy(io, file);
  const environment = policy.environments.get(options.environment.toLowerCase());
  if (!environment) throw new CliError(`${file} has no environment "${shown(options.environment)}"`, 1);
  if (!environment.oidc) {
    throw new CliError(
      `environment "${shown(environment.name)}" mints access tokens for your own APIs (kind access): only a kind: oidc environment's tokens are for a cloud to trust`,
      1,
    );
  }
  const configuration = make({
    name: environment.name,
    issuer: options.issuer,
    audience: environment.audience,
    subject: environment.oidc.subject,
    algorithm: environment.oidc.algorithm,
    awsSessionTags: environment.oidc.awsSessionTags,
    contextClaims: CONTEXT_CLAIMS,
  });
  if (configuration.refusal) throw new CliError(configuration.refusal, 1);
  if (options.json) {
    io.out(
      JSON.stringify(
        {
          provider,
          environment: environment.name,
          issuer: options.issuer,
          audience: environment.audience,
          subject: environment.oidc.subject,
          algorithm: environment.oidc.algorithm,
          ...configuration.json,
          limits: configuration.limits,
        },
        null,
        2,
      ),
    );
    return 0;
  }
  io.out(configuration.text.trimEnd());
  io.out("");
  io.out("Limits that apply:");
  for (const limit of configuration.limits) io.out(`- ${limit}`);
  return 0;
}
