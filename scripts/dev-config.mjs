// Prepares a local run of the token service (`./dev serve [--policy FILE]`): a development
// issuer key and signing key, made on first run under .dev/ (git-ignored, never committed), and
// .dev/vars.env, which `./dev serve` hands to wrangler with --env-file: the policy (the example,
// or FILE), checked and converted by the CLI exactly as `downscope policy build --variable` does.
// Not .dev.vars, which `wrangler types` would also read.
//
// The development issuer stands in for every issuer the policy trusts: locally, GitHub.com's
// issuer (and each one under `issuers`) gets the development key in place of its own, and
// `./dev token` signs with it, stating GitHub.com's `iss`. So a development token carries the
// claims a real job's would, and `downscope policy explain --claims <token>` decides it exactly
// as the local service does. Only a local run does this: DOWNSCOPE_DEV=1 is refused anywhere but
// on loopback.
//   node scripts/dev-config.mjs URL [--policy FILE]
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { exportJWK, generateKeyPair } from "jose";
import { GITHUB_ISSUER, generateIssuerKey } from "./fake-github.mjs";

const { values, positionals } = parseArgs({
  options: { policy: { type: "string", default: "examples/policy.yml" } },
  allowPositionals: true,
});
const serviceUrl = positionals[0] ?? "http://127.0.0.1:8787";
const policyFile = values.policy;

if (!existsSync(policyFile)) {
  console.error(`dev serve: no policy file ${policyFile}: give --policy the path of your policy (YAML or JSON)`);
  process.exit(2);
}
// The CLI validates it (every problem on its line, and lint) and prints it as JSON: the Worker
// reads no YAML. An invalid policy stops here, before anything under .dev/ changes.
let policyJson;
try {
  policyJson = execFileSync(process.execPath, ["dist/cli.js", "policy", "build", policyFile, "--variable"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
} catch {
  console.error(`dev serve: ${policyFile} is not a valid policy (above); fix it and run ./dev serve again`);
  process.exit(1);
}

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
// Federation environments sign with RS256 unless they say otherwise: a local run has both keys.
const rsaSigningKey = await once(".dev/signing-key-rs256.json", async () => {
  const { privateKey } = await generateKeyPair("RS256", { extractable: true, modulusLength: 2048 });
  return { ...(await exportJWK(privateKey)), alg: "RS256" };
});

const policy = JSON.parse(policyJson);
const devKeys = { keys: [issuerKey.publicJwk] };
const listed = (policy.issuers ?? []).map((entry) => entry.issuer);
policy.issuers = [
  ...listed.map((issuer) => ({ issuer, jwks: devKeys })),
  ...(policy.github_com === false || listed.includes(GITHUB_ISSUER) ? [] : [{ issuer: GITHUB_ISSUER, jwks: devKeys }]),
];
const issuers = policy.issuers.map((entry) => entry.issuer);
writeFileSync(
  ".dev/service.json",
  // The audience a job's token must carry: the policy's, else the service's URL.
  `${JSON.stringify({ url: serviceUrl, audience: policy.audience ?? serviceUrl, policy: policyFile, issuers }, null, 2)}\n`,
);
console.error(
  `dev: local run of ${policyFile}: the development key in .dev/ stands in for ${issuers.join(", ")}; ./dev token signs with it`,
);

// dotenv format: single-quoted values are taken literally, so JSON needs no escaping but `'`.
const quote = (value) => `'${JSON.stringify(value).replace(/'/g, "\\u0027")}'`;
const MARK = "# Made by ./dev serve from the policy it was given and .dev/: edit those, not this.";
const vars = [
  MARK,
  `DOWNSCOPE_ISSUER=${serviceUrl}`,
  "DOWNSCOPE_DEV=1",
  `DOWNSCOPE_POLICY=${quote(policy)}`,
  `DOWNSCOPE_SIGNING_KEYS=${quote([signingKey, rsaSigningKey])}`,
];
writeFileSync(".dev/vars.env", `${vars.join("\n")}\n`, { mode: 0o600 });
// Earlier versions wrote .dev.vars, which wrangler would prefer to the file above: remove ours.
if (existsSync(".dev.vars") && readFileSync(".dev.vars", "utf8").startsWith("# Made by ./dev serve"))
  rmSync(".dev.vars");
