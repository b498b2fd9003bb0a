/**
 * End to end, federation: the built action (dist/, child processes) against the bundled Worker in
 * workerd, and the token it gets verified by relying-party libraries no one here wrote, each
 * starting from the discovery document as a cloud does: oauth4webapi's discovery with jose's
 * remote JWKS (JavaScript), and PyJWT's PyJWKClient (Python, Debian's python3-jwt, which this
 * machine image ships). Then the files cloud tooling reads, and a post step that removes them
 * without pretending to revoke.
 */
import { execFile } from "node:child_process";
import { existsSync, lstatSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { createRemoteJWKSet, decodeProtectedHeader, exportJWK, generateKeyPair, jwtVerify } from "jose";
import * as oauth from "oauth4webapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GITHUB_ISSUER, generateIssuerKey } from "../../scripts/fake-github.mjs";
import { type IdTokenEndpoint, runActionStep, startIdTokenEndpoint } from "../../scripts/fake-runner.mjs";
import { type LocalService, startLocalService } from "../../scripts/local-service.mjs";

const run = promisify(execFile);
const GOOGLE_PROVIDER =
  "//iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/ci/providers/downscope";
const policy = (jwks: unknown) => `
version: 1
issuers:
  - issuer: ${GITHUB_ISSUER}
    jwks: ${JSON.stringify(jwks)}
environments:
  aws-production:
    kind: oidc
    audience: sts.amazonaws.com
    aws_session_tags: [repository, ref]
    rules:
      - { name: web, repository: acme/web, repository_id: 123456, ref: refs/heads/main, environment: staging }
  gcp-production:
    kind: oidc
    audience: ${GOOGLE_PROVIDER}
    algorithm: ES256
    rules:
      - { name: web, repository: acme/web, repository_id: 123456, ref: refs/heads/main, environment: staging }
`;

let service: LocalService;
let runner: IdTokenEndpoint;
const runnerTemp = mkdtempSync(join(tmpdir(), "downscope-runner-temp-"));

beforeAll(async () => {
  const github = await generateIssuerKey();
  const key = async (alg: "ES256" | "RS256", kid: string) => {
    const { privateKey } = await generateKeyPair(alg, { extractable: true });
    return { ...(await exportJWK(privateKey)), alg, kid };
  };
  service = await startLocalService({
    policy: policy({ keys: [github.publicJwk] }),
    signingKeys: [await key("ES256", "es-1"), await key("RS256", "rsa-1")],
  });
  runner = await startIdTokenEndpoint({ privateJwk: github.privateJwk });
});

afterAll(async () => {
  await runner?.stop();
  await service?.stop();
});

const step = (inputs: Record<string, string>) =>
  runActionStep("main", {
    idTokens: runner,
    inputs: { url: service.url, ...inputs },
    env: { RUNNER_TEMP: runnerTemp },
  });

describe("federation end to end", () => {
  it("gets an RS256 token for AWS that independent relying parties accept after discovery", async () => {
    const main = await step({ environment: "aws-production" });
    expect(main.stderr).toBe("");
    expect(main.code).toBe(0);
    const token = main.outputs.token;
    expect(main.outputs).toMatchObject({ "token-type": "N_A", scope: "", environment: "aws-production" });
    expect(decodeProtectedHeader(token)).toEqual({ alg: "RS256", kid: "rsa-1", typ: "JWT" });

    // JavaScript: oauth4webapi reads and checks the discovery document; jose fetches its JWKS.
    const issuer = new URL(service.url);
    const discovered = await oauth.processDiscoveryResponse(
      issuer,
      await oauth.discoveryRequest(issuer, { algorithm: "oidc", [oauth.allowInsecureRequests]: true }),
    );
    expect(discovered.issuer).toBe(service.url);
    const jwks = createRemoteJWKSet(new URL(String(discovered.jwks_uri)));
    const { payload } = await jwtVerify(token, jwks, {
      issuer: discovered.issuer,
      audience: "sts.amazonaws.com",
      algorithms: discovered.id_token_signing_alg_values_supported,
    });
    expect(payload).toMatchObject({ sub: "environment:aws-production", repository: "acme/web" });
    expect(payload["https://aws.amazon.com/tags"]).toEqual({
      principal_tags: { repository: ["acme/web"], ref: ["refs/heads/main"] },
      transitive_tag_keys: ["repository", "ref"],
    });

    // Python: PyJWT (Debian's python3-jwt) from the discovery document, as a relying party would.
    const python = `
import json, sys, urllib.request, jwt
issuer, audience, token = sys.argv[1:4]
config = json.load(urllib.request.urlopen(issuer + "/.well-known/openid-configuration"))
assert config["issuer"] == issuer, config["issuer"]
key = jwt.PyJWKClient(config["jwks_uri"]).get_signing_key_from_jwt(token)
claims = jwt.decode(token, key.key, algorithms=config["id_token_signing_alg_values_supported"], audience=audience, issuer=issuer)
print(json.dumps({"sub": claims["sub"], "aud": claims["aud"], "pyjwt": jwt.__version__}))
`;
    const { stdout } = await run("/usr/bin/python3", ["-c", python, service.url, "sts.amazonaws.com", token]);
    expect(JSON.parse(stdout)).toMatchObject({ sub: "environment:aws-production", aud: "sts.amazonaws.com" });
    // And PyJWT refuses it for another audience, as a relying party must.
    await expect(run("/usr/bin/python3", ["-c", python, service.url, "sts.example.com", token])).rejects.toMatchObject({
      stderr: expect.stringContaining("InvalidAudienceError"),
    });

    // The token file: a regular file, owner-only, exactly the token.
    const file = main.outputs["token-file"];
    expect(file.startsWith(runnerTemp)).toBe(true);
    const stat = lstatSync(file);
    expect(stat.isFile() && !stat.isSymbolicLink()).toBe(true);
    expect(stat.mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8")).toBe(token);
    expect(main.outputs["gcp-credentials-file"]).toBeUndefined();

    // The post step removes it, and says why it revokes nothing.
    const post = await runActionStep("post", { state: main.state, env: { RUNNER_TEMP: runnerTemp } });
    expect(post.code).toBe(0);
    expect(existsSync(file)).toBe(false);
    expect(post.stdout).toContain(
      "The token was for a cloud (an oidc environment): no cloud asks downscope whether a token was revoked, so it is not revoked",
    );
    expect(post.stdout).not.toContain("Revoked");
  });

  it("writes Google's external_account credentials file for a workload identity provider, with impersonation", async () => {
    const main = await step({
      environment: "gcp-production",
      "gcp-service-account": "deployer@acme-prod.iam.gserviceaccount.com",
    });
    expect(main.code).toBe(0);
    const credentials = JSON.parse(readFileSync(main.outputs["gcp-credentials-file"], "utf8"));
    expect(credentials).toEqual({
      type: "external_account",
      audience: GOOGLE_PROVIDER,
      subject_token_type: "urn:ietf:params:oauth:token-type:jwt",
      token_url: "https://sts.googleapis.com/v1/token",
      service_account_impersonation_url:
        "https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/deployer@acme-prod.iam.gserviceaccount.com:generateAccessToken",
      credential_source: { file: main.outputs["token-file"], format: { type: "text" } },
    });
    expect(lstatSync(main.outputs["gcp-credentials-file"]).mode & 0o777).toBe(0o600);
    expect(decodeProtectedHeader(main.outputs.token).alg).toBe("ES256");
    const post = await runActionStep("post", { state: main.state, env: { RUNNER_TEMP: runnerTemp } });
    expect(post.code).toBe(0);
    expect(existsSync(main.outputs["gcp-credentials-file"])).toBe(false);
    expect(existsSync(main.outputs["token-file"])).toBe(false);

    const bad = await step({ environment: "gcp-production", "gcp-service-account": "not an email" });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('Input "gcp-service-account" must be a service account\'s email');
  });
});
