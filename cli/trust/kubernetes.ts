/**
 * Kubernetes: a JWT authenticator in the API server's structured authentication configuration,
 * for the issuer and audience, admitting only this environment's subject, and a kubeconfig user
 * that reads the action's token file. Source: kubernetes.io, "Authenticating" (structured
 * authentication configuration) and the apiserver.config.k8s.io/v1 reference.
 */
import type { FederatedEnvironment, TrustConfiguration } from "./types";

export function kubernetesTrust(environment: FederatedEnvironment): TrustConfiguration {
  const username = `downscope:${environment.subject}`;
  const authenticator = {
    issuer: { url: environment.issuer, audiences: [environment.audience] },
    claimValidationRules: [{ claim: "sub", requiredValue: environment.subject }],
    claimMappings: { username: { claim: "sub", prefix: "downscope:" } },
  };
  const q = JSON.stringify;
  const text = `# 1. The API server's AuthenticationConfiguration (--authentication-config; one jwt entry per issuer):
apiVersion: apiserver.config.k8s.io/v1
kind: AuthenticationConfiguration
jwt:
  - issuer:
      url: ${q(environment.issuer)}
      audiences:
        - ${q(environment.audience)}
    claimValidationRules:
      - claim: sub
        requiredValue: ${q(environment.subject)}
    claimMappings:
      username:
        claim: sub
        prefix: "downscope:"

# 2. RBAC for the user ${q(username)}, e.g.:
#   kubectl create rolebinding ${environment.name}-deploy --clusterrole=edit --user=${q(username)} -n NAMESPACE

# 3. In the workflow (examples/workflows/kubernetes.yml), a kubeconfig user:
#   users:
#     - name: downscope
#       user:
#         tokenFile: <the action's token-file output>
`;
  return {
    text,
    json: { authentication_configuration_jwt: authenticator, username },
    limits: [
      "The API server fetches <issuer>/.well-known/openid-configuration and requires its issuer to equal url exactly.",
      "RS256 and ES256 (and other RS, ES and PS algorithms) are accepted; EdDSA is not.",
      "At most 64 jwt authenticators; each url once, and not the service-account issuer.",
      "apiserver.config.k8s.io/v1 needs Kubernetes 1.34 or later; earlier versions take v1beta1 with the same fields.",
    ],
  };
}
