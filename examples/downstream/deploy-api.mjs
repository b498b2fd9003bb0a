// A sample downstream service: a deploy API for one environment that accepts only downscope
// tokens minted for it. It verifies each token against downscope's published keys: issuer,
// its own audience, `typ: at+jwt`, the environment, and the scope it needs.
//
//   DOWNSCOPE_ISSUER=https://downscope.acme.dev AUDIENCE=https://deploy.acme.dev/staging \
//   ENVIRONMENT=staging PORT=9000 node examples/downstream/deploy-api.mjs
import { createServer } from "node:http";
import { pathToFileURL } from "node:url";
import { createRemoteJWKSet, jwtVerify } from "jose";

/** Starts the API; resolves to `{ url, stop }`. */
export async function startDeployApi({ issuer, audience, environment, scope = "deploy:write", port = 0 }) {
  const keys = createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`));

  async function authorize(header) {
    const match = /^Bearer ([A-Za-z0-9._-]+)$/.exec(header ?? "");
    if (!match) return { status: 401, error: "invalid_request", reason: "a Bearer token is required" };
    try {
      const { payload } = await jwtVerify(match[1], keys, {
        issuer,
        audience,
        typ: "at+jwt",
        algorithms: ["ES256", "EdDSA", "RS256"],
        clockTolerance: 30,
      });
      if (payload.environment !== environment)
        return { status: 401, error: "invalid_token", reason: "token is for another environment" };
      const scopes = typeof payload.scope === "string" ? payload.scope.split(" ") : [];
      if (!scopes.includes(scope)) return { status: 403, error: "insufficient_scope", reason: `needs ${scope}` };
      return { status: 200, claims: payload };
    } catch (error) {
      // jose's messages name the failed check without echoing the token (`unexpected "aud" claim value`).
      return { status: 401, error: "invalid_token", reason: String(error.message).replaceAll('"', "'") };
    }
  }

  const server = createServer(async (request, response) => {
    if (request.method !== "POST" || request.url !== "/deploy") {
      response.writeHead(404, { "content-type": "application/json" }).end('{"error":"not_found"}');
      return;
    }
    const result = await authorize(request.headers.authorization);
    if (result.status !== 200) {
      response
        .writeHead(result.status, {
          "content-type": "application/json",
          "www-authenticate": `Bearer error="${result.error}", error_description="${result.reason}"`,
        })
        .end(JSON.stringify({ error: result.error, reason: result.reason }));
      return;
    }
    const { repository, ref, sha, jti } = result.claims;
    response
      .writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify({ deployed: { environment, repository, ref, sha }, token_id: jti }));
  });
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { DOWNSCOPE_ISSUER, AUDIENCE, ENVIRONMENT, PORT } = process.env;
  if (!DOWNSCOPE_ISSUER || !AUDIENCE || !ENVIRONMENT) {
    console.error("set DOWNSCOPE_ISSUER, AUDIENCE and ENVIRONMENT (and PORT)");
    process.exit(2);
  }
  const api = await startDeployApi({
    issuer: DOWNSCOPE_ISSUER,
    audience: AUDIENCE,
    environment: ENVIRONMENT,
    port: Number(PORT ?? 9000),
  });
  console.log(`deploy API for ${ENVIRONMENT} on ${api.url}`);
}
