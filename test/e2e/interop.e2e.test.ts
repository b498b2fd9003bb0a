/**
 * Independent clients against the real service (the bundled Worker in workerd, on loopback):
 * oauth4webapi (panva) for discovery, the token exchange (bearer, and DPoP with its own handle
 * and ES256 or Ed25519 keys), RFC 8707 resource, revocation, introspection, and RFC 9068
 * validation of the minted token as a resource server would; fast-jwt verifying minted ES256 and
 * EdDSA tokens against the served JWKS; and proofs made by the `dpop` package accepted by
 * downscope/verify (the built one users import) and refused when tampered. None of these
 * libraries is downscope's: they are dev dependencies, here to keep downscope honest.
 */
import { createPublicKey } from "node:crypto";
import { AccessTokenError, createAccessTokenVerifier } from "downscope/verify";
import * as dpopPackage from "dpop";
import { createVerifier } from "fast-jwt";
import { exportJWK, generateKeyPair } from "jose";
import * as oauth from "oauth4webapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateIssuerKey, githubClaims, signGithubToken } from "../../scripts/fake-github.mjs";
import { type LocalService, startLocalService } from "../../scripts/local-service.mjs";
import { STAGING_AUDIENCE, stagingPolicy } from "../support/e2e-policy";

const API = "https://deploy.acme.dev/deploy";
const insecure = { [oauth.allowInsecureRequests]: true }; // the service is on http://127.0.0.1
let github: Awaited<ReturnType<typeof generateIssuerKey>>;
const services: Record<"ES256" | "EdDSA", LocalService | undefined> = { ES256: undefined, EdDSA: undefined };

beforeAll(async () => {
  github = await generateIssuerKey();
  for (const alg of ["ES256", "EdDSA"] as const) {
    const { privateKey } = await generateKeyPair(alg, { extractable: true });
    services[alg] = await startLocalService({
      policy: stagingPolicy({ keys: [github.publicJwk] }),
      signingKeys: [{ ...(await exportJWK(privateKey)), alg, kid: `interop-${alg}` }],
    });
  }
}, 120_000);
afterAll(async () => {
  for (const service of Object.values(services)) await service?.stop();
});

const service = (alg: "ES256" | "EdDSA" = "ES256") => services[alg] as LocalService;
const client: oauth.Client = { client_id: "acme-deployer" };

async function discover(url: string): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(url);
  return oauth.processDiscoveryResponse(
    issuer,
    await oauth.discoveryRequest(issuer, { algorithm: "oauth2", ...insecure }),
  );
}

async function exchange(
  as: oauth.AuthorizationServer,
  url: string,
  options: { DPoP?: oauth.DPoPHandle; parameters?: Record<string, string> } = {},
) {
  const subject = await signGithubToken(github.privateJwk, githubClaims({ aud: url }));
  const response = await oauth.genericTokenEndpointRequest(
    as,
    client,
    oauth.None(),
    "urn:ietf:params:oauth:grant-type:token-exchange",
    {
      subject_token: subject,
      subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
      ...options.parameters,
    },
    { ...insecure, ...(options.DPoP ? { DPoP: options.DPoP } : {}) },
  );
  return oauth.processGenericTokenEndpointResponse(as, client, response);
}

describe("oauth4webapi", () => {
  it("discovers the service from its RFC 8414 metadata", async () => {
    const as = await discover(service().url);
    expect(as).toMatchObject({
      issuer: service().url,
      token_endpoint: `${service().url}/token`,
      token_endpoint_auth_methods_supported: ["none"],
      dpop_signing_alg_values_supported: ["ES256", "EdDSA", "Ed25519"],
    });
  });

  it("exchanges a GitHub token for a bearer token, and validates it as a resource server (RFC 9068)", async () => {
    const as = await discover(service().url);
    const result = await exchange(as, service().url);
    expect(result.token_type).toBe("bearer");
    const request = new Request(API, { headers: { authorization: `Bearer ${result.access_token}` } });
    const claims = await oauth.validateJwtAccessToken(as, request, STAGING_AUDIENCE, insecure);
    expect(claims).toMatchObject({
      iss: service().url,
      aud: STAGING_AUDIENCE,
      client_id: "acme/web",
      scope: "deploy:write",
    });
  });

  it.each(["ES256", "Ed25519"])(
    "binds the token to its own DPoP handle with a %s key, and validates the proof",
    async (alg) => {
      const as = await discover(service().url);
      const keyPair = await oauth.generateKeyPair(alg);
      const result = await exchange(as, service().url, { DPoP: oauth.DPoP(client, keyPair) });
      expect(result.token_type).toBe("dpop");
      const proof = await dpopPackage.generateProof(keyPair, API, "POST", undefined, result.access_token);
      const request = new Request(API, {
        method: "POST",
        headers: { authorization: `DPoP ${result.access_token}`, dpop: proof },
      });
      const claims = await oauth.validateJwtAccessToken(as, request, STAGING_AUDIENCE, insecure);
      expect((claims.cnf as { jkt: string }).jkt).toBe(await dpopPackage.calculateThumbprint(keyPair.publicKey));
    },
  );

  it("asks by RFC 8707 resource, and is refused another environment's", async () => {
    const as = await discover(service().url);
    const ok = await exchange(as, service().url, { parameters: { resource: STAGING_AUDIENCE, scope: "" } });
    expect(ok.scope).toBe("deploy:write");
    await expect(
      exchange(as, service().url, { parameters: { resource: "https://deploy.acme.dev/production" } }),
    ).rejects.toMatchObject({
      error: "invalid_target",
    });
  });

  it("revokes the token, and introspection then says it is inactive", async () => {
    const as = await discover(service().url);
    const { access_token } = await exchange(as, service().url);
    const before = await oauth.processIntrospectionResponse(
      as,
      client,
      await oauth.introspectionRequest(as, client, oauth.None(), access_token, insecure),
    );
    expect(before).toMatchObject({ active: true, environment: "staging", client_id: "acme/web" });
    await oauth.processRevocationResponse(
      await oauth.revocationRequest(as, client, oauth.None(), access_token, insecure),
    );
    const after = await oauth.processIntrospectionResponse(
      as,
      client,
      await oauth.introspectionRequest(as, client, oauth.None(), access_token, insecure),
    );
    expect(after.active).toBe(false);
  });
});

describe("fast-jwt, verifying minted tokens against the served JWKS", () => {
  it.each(["ES256", "EdDSA"] as const)(
    "verifies a %s-signed token, and refuses it for another audience",
    async (alg) => {
      const as = await discover(service(alg).url);
      const { access_token } = await exchange(as, service(alg).url);
      const jwks = (await (await fetch(`${service(alg).url}/.well-known/jwks.json`)).json()) as {
        keys: { kid: string }[];
      };
      const key = async ({ header }: { header: { kid?: string } }) => {
        const jwk = jwks.keys.find((candidate) => candidate.kid === header.kid);
        return createPublicKey({ key: jwk as never, format: "jwk" })
          .export({ type: "spki", format: "pem" })
          .toString();
      };
      const verify = createVerifier({
        key,
        algorithms: [alg],
        allowedIss: service(alg).url,
        allowedAud: STAGING_AUDIENCE,
      });
      const payload = await verify(access_token);
      expect(payload).toMatchObject({ environment: "staging", repository: "acme/web" });
      const wrongAudience = createVerifier({
        key,
        algorithms: [alg],
        allowedAud: "https://deploy.acme.dev/production",
      });
      await expect(wrongAudience(access_token)).rejects.toThrow();
    },
  );
});

describe("the dpop package's proofs at downscope/verify", () => {
  it.each(["ES256", "Ed25519"] as const)(
    "accepts a %s proof for a bound token, and refuses it tampered",
    async (alg) => {
      const as = await discover(service().url);
      const keyPair = await dpopPackage.generateKeyPair(alg);
      const { access_token } = await exchange(as, service().url, { DPoP: oauth.DPoP(client, keyPair) });
      const verifier = createAccessTokenVerifier({
        issuer: service().url,
        audience: STAGING_AUDIENCE,
        environment: "staging",
      });
      const context = (proof: string) => ({ scheme: "DPoP", method: "POST", url: API, dpop: proof });
      const proof = await dpopPackage.generateProof(keyPair, API, "POST", undefined, access_token);
      expect((await verifier.verify(access_token, context(proof))).tokenType).toBe("DPoP");
      const fresh = await dpopPackage.generateProof(keyPair, API, "POST", undefined, access_token);
      const tampered = `${fresh.slice(0, -4)}${fresh.endsWith("AAAA") ? "BBBB" : "AAAA"}`;
      const refusal = await verifier.verify(access_token, context(tampered)).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(AccessTokenError);
      expect(refusal).toMatchObject({ code: "ERR_DPOP_INVALID", dpopProblem: "dpop_bad_signature" });
      const otherUrl = await dpopPackage.generateProof(
        keyPair,
        "https://evil.example/deploy",
        "POST",
        undefined,
        access_token,
      );
      expect(
        await verifier.verify(access_token, context(otherUrl)).catch((error: AccessTokenError) => error.dpopProblem),
      ).toBe("dpop_url_mismatch");
    },
  );
});
