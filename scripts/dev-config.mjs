// Prepares a local run of the token service (`./dev serve`): a development issuer and signing
// key, made on first run under .dev/ (git-ignored, never committed), and .dev/vars.env, which
// `./dev serve` hands to wrangler with --env-file: the example policy (as JSON: the Worker reads
// no YAML) trusting that issuer. Not .dev.vars, which `wrangler types` would also read.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { exportJWK, generateKeyPair } from "jose";
import { parse } from "yaml";
import { generateIssuerKey } from "./fake-github.mjs";

export const DEV_ISSUER = "https://dev-issuer.downscope.invalid";
const serviceUrl = process.argv[2] ?? "http://127.0.0.1:8787";

mkdirSync(".dev", { recursive: true });

async function once(path, make) {
  if (!existsSync(path)) {
    writeFileSync(path, `${JSON.stringify(await make(), null, 2)}\n`, { mode: 0o600 });
    console.error(`dev: made ${path}`);
  }
  return JSON.parse(readFileSync(path, "utf8"));
}

const issuerKey = await once(".dev/issuer-key.json", generateIssuerKey);
const signingKey = await once(".dev/signing-key.json", async () => {
  const { privateKey } = await generateKeyPair("ES256", { extractable: true });
  return { ...(await exportJWK(privateKey)), alg: "ES256" };
});

const policy = parse(readFileSync("examples/policy.yml", "utf8"));
policy.issuers = [...(policy.issuers ?? []), { issuer: DEV_ISSUER, jwks: { keys: [issuerKey.publicJwk] } }];
// Issuers are namespaces: the example's rules accept the development issuer's tokens in its stead.
for (const environment of Object.values(policy.environments)) environment.issuer = DEV_ISSUER;
writeFileSync(".dev/service.json", `${JSON.stringify({ url: serviceUrl, issuer: DEV_ISSUER }, null, 2)}\n`);

// dotenv format: single-quoted values are taken literally, so JSON needs no escaping but `'`.
const quote = (value) => `'${JSON.stringify(value).replace(/'/g, "\\u0027")}'`;
const MARK = "# Made by ./dev serve from examples/policy.yml and .dev/: edit those, not this.";
const vars = [
  MARK,
  `DOWNSCOPE_ISSUER=${serviceUrl}`,
  "DOWNSCOPE_DEV=1",
  `DOWNSCOPE_POLICY=${quote(policy)}`,
  `DOWNSCOPE_SIGNING_KEYS=${quote([signingKey])}`,
];
writeFileSync(".dev/vars.env", `${vars.join("\n")}\n`, { mode: 0o600 });
// Earlier versions wrote .dev.vars, which wrangler would prefer to the file above: remove ours.
if (existsSync(".dev.vars") && readFileSync(".dev.vars", "utf8").startsWith(MARK)) rmSync(".dev.vars");
