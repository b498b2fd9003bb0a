import { execFileSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { resolve } from "node:path";
import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { GITHUB_ISSUER, generateIssuerKey } from "./scripts/fake-github.mjs";

// GitHub's issuer, faked with a key made for this run and served at the network layer: the
// worker under test fetches its JWKS for real, and every other outbound request fails.
const github = await generateIssuerKey();
// A GitHub App's key as GitHub hands it out (PKCS#1 PEM), the same key as PKCS#8, and its public JWK.
const appKey = generateKeyPairSync("rsa", { modulusLength: 2048 });
const githubApp = {
  TEST_GITHUB_APP_PKCS1: appKey.privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
  TEST_GITHUB_APP_PKCS8: appKey.privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  TEST_GITHUB_APP_PUBLIC_JWK: JSON.stringify(appKey.publicKey.export({ format: "jwk" })),
};

// The Worker's entry imports the bundled policy artifact (wrangler.jsonc's alias): in tests, the
// example policy's artifact, made by the built CLI (`npm test` checks dist/ is fresh first).
const testArtifact = resolve(".build/test/policy-artifact.json");
execFileSync(process.execPath, ["dist/cli.js", "policy", "build", "examples/policy.yml", "--out", testArtifact], {
  stdio: "ignore",
});

function outboundService(request: Request): Response {
  if (request.url === `${GITHUB_ISSUER}/.well-known/jwks`) return Response.json({ keys: [github.publicJwk] });
  return new Response(`no network in tests: ${request.method} ${request.url}`, { status: 599 });
}

export default defineConfig({
  test: {
    // The JSON report is what .ci/run counts.
    reporters: ["default", ["json", { outputFile: ".reports/vitest.json" }]],
    projects: [
      {
        // The service, inside workerd.
        plugins: [
          cloudflareTest({
            wrangler: { configPath: "./wrangler.jsonc" },
            miniflare: {
              outboundService,
              bindings: { TEST_GITHUB_PRIVATE_JWK: JSON.stringify(github.privateJwk), ...githubApp },
              // A small limit for the rate-limit tests; the service's own limits stay unbound in
              // tests that do not pass them, so tests do not throttle each other.
              ratelimits: { TEST_RATE_LIMIT_3: { namespace_id: "9001", simple: { limit: 3, period: 60 } } },
            },
          }),
        ],
        resolve: { alias: { "downscope-policy-artifact": testArtifact } },
        test: { name: "worker", include: ["test/worker/**/*.test.ts"] },
      },
      {
        // The action in Node, and end to end: dist/ as a child process against the real service.
        test: {
          name: "node",
          include: [
            "test/action/**/*.test.ts",
            "test/cli/**/*.test.ts",
            "test/policy-review/**/*.test.ts",
            "test/verify/**/*.test.ts",
            "test/e2e/**/*.test.ts",
            "test/docs/**/*.test.ts",
          ],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
