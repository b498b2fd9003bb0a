import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { GITHUB_ISSUER, generateIssuerKey } from "./scripts/fake-github.mjs";

// GitHub's issuer, faked with a key made for this run and served at the network layer: the
// worker under test fetches its JWKS for real, and every other outbound request fails.
const github = await generateIssuerKey();
const outbound = { jwksFetches: 0 };

function outboundService(request: Request): Response {
  if (request.url === `${GITHUB_ISSUER}/.well-known/jwks`) {
    outbound.jwksFetches++;
    return Response.json({ keys: [github.publicJwk] });
  }
  if (request.url === "https://outbound.stub.test/stats") return Response.json(outbound);
  return new Response(`no network in tests: ${request.method} ${request.url}`, { status: 599 });
}

export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: "./wrangler.jsonc" },
      miniflare: {
        outboundService,
        bindings: { TEST_GITHUB_PRIVATE_JWK: JSON.stringify(github.privateJwk) },
      },
    }),
  ],
  test: {
    include: ["test/worker/**/*.test.ts"],
    // The JSON report is what .ci/run counts.
    reporters: ["default", ["json", { outputFile: ".reports/vitest.json" }]],
  },
});
