// A sample downstream service: a deploy API for one environment, guarded by downscope's Hono
// middleware (`downscope/verify/hono`). It accepts only tokens minted for its audience and
// environment with the scope it needs, checks DPoP proofs for bound tokens, and (optionally)
// asks downscope whether a token was revoked.
//
//   DOWNSCOPE_ISSUER=https://downscope.acme.dev AUDIENCE=https://deploy.acme.dev/staging \
//   ENVIRONMENT=staging PORT=9000 node examples/downstream/deploy-api.mjs
import { pathToFileURL } from "node:url";
import { serve } from "@hono/node-server";
import { downscopeAuth } from "downscope/verify/hono";
import { Hono } from "hono";

/** The API as a Hono app. */
export function deployApi({
  issuer,
  audience,
  environment,
  scope = "deploy:write",
  introspection = false,
  publicOrigin,
}) {
  const app = new Hono();
  const auth = (scopes) => downscopeAuth({ issuer, audience, environment, scopes, introspection, publicOrigin });
  app.use("/deploy", auth([scope]));
  // Reading logs needs only logs:read: what a job hands to a step it trusts less (a narrowed token).
  app.use("/logs", auth(["logs:read"]));
  app.get("/logs", (c) => {
    const { claims, tokenType, depth } = c.get("downscope");
    return c.json({
      logs: [`${environment}: last deploy of ${claims.repository}`],
      token_id: claims.jti,
      token_type: tokenType,
      narrowed: depth,
    });
  });
  app.post("/deploy", (c) => {
    const { claims, tokenType } = c.get("downscope");
    return c.json({
      deployed: { environment, repository: claims.repository, ref: claims.ref, sha: claims.sha },
      token_id: claims.jti,
      token_type: tokenType,
    });
  });
  return app;
}

/** Serves it on loopback; resolves to `{ url, stop }`. */
export function startDeployApi(options) {
  const app = deployApi(options);
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: "127.0.0.1" }, (info) => {
      resolve({ url: `http://127.0.0.1:${info.port}`, stop: () => new Promise((done) => server.close(done)) });
    });
  });
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
