// downscope's main job, on one machine, narrated (`./dev demo`): the service starts, a
// simulated workflow job gets its OIDC token, the built action exchanges it, a deploy API
// accepts the token for its environment and another refuses it, and a job from the wrong
// branch is denied with its explanation. Everything runs on loopback and stops at the end.
import { readFileSync } from "node:fs";
import { exportJWK, generateKeyPair } from "jose";
import { parse } from "yaml";
import { startDeployApi } from "../examples/downstream/deploy-api.mjs";
import { GITHUB_ISSUER, generateIssuerKey } from "./fake-github.mjs";
import { errorAnnotation, runActionStep, startIdTokenEndpoint } from "./fake-runner.mjs";
import { startLocalService } from "./local-service.mjs";

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, text) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
const started = Date.now();
let step = 0;
const say = (text) =>
  console.log(
    `\n${paint("1", `[${++step}] ${text}`)} ${paint("2", `(+${((Date.now() - started) / 1000).toFixed(1)}s)`)}`,
  );
const detail = (text) => console.log(`    ${text.replaceAll("\n", "\n    ")}`);
const expectations = [];
const check = (ok, text) => {
  expectations.push(ok);
  detail(`${ok ? paint("32", "✓") : paint("31", "✗")} ${text}`);
};
const cleanup = [];

try {
  say("Starting the downscope token service locally (the bundled Worker, in workerd) with examples/policy.yml");
  const github = await generateIssuerKey();
  const { privateKey } = await generateKeyPair("ES256", { extractable: true });
  const policy = parse(readFileSync("examples/policy.yml", "utf8"));
  // GitHub's issuer, with the keys of the fake GitHub below instead of the real ones.
  policy.issuers = [{ issuer: GITHUB_ISSUER, jwks: { keys: [github.publicJwk] } }];
  const service = await startLocalService({
    policy: JSON.stringify(policy),
    signingKeys: [{ ...(await exportJWK(privateKey)), alg: "ES256", kid: "demo-key" }],
  });
  cleanup.push(service.stop);
  detail(`service:  ${service.url}  (health: ${(await (await fetch(`${service.url}/healthz`)).json()).status})`);

  say("Starting two deploy APIs that trust downscope: staging and production (examples/downstream)");
  const staging = await startDeployApi({
    issuer: service.url,
    audience: "https://deploy.acme.dev/staging",
    environment: "staging",
  });
  const production = await startDeployApi({
    issuer: service.url,
    audience: "https://deploy.acme.dev/production",
    environment: "production",
  });
  cleanup.push(staging.stop, production.stop);
  detail(`staging:    ${staging.url}\nproduction: ${production.url}`);

  say(
    "A workflow job of acme/web, pushed to main, in GitHub environment 'staging', runs the action (node dist/main.js)",
  );
  const runner = await startIdTokenEndpoint({ privateJwk: github.privateJwk });
  cleanup.push(runner.stop);
  const job = await runActionStep("main", { idTokens: runner, inputs: { url: service.url, environment: "staging" } });
  check(job.code === 0, `the action succeeded (exit ${job.code})`);
  const token = job.outputs.token ?? "";
  const first = job.stdout.indexOf(token);
  check(
    token !== "" && job.stdout.slice(first - 12, first) === "::add-mask::",
    "the token was masked before anything else printed it",
  );
  detail(
    `outputs: token-type=${job.outputs["token-type"]} environment=${job.outputs.environment} scope=${job.outputs.scope} expires-at=${job.outputs["expires-at"]}`,
  );
  detail(`token:   ${token.slice(0, 24)}… (a JWT for one environment, one audience, a few minutes)`);

  say("The job deploys with it");
  const deploy = (api) => fetch(`${api.url}/deploy`, { method: "POST", headers: { authorization: `Bearer ${token}` } });
  const accepted = await deploy(staging);
  check(accepted.status === 200, `staging accepts it: ${accepted.status} ${await accepted.text()}`);
  const refused = await deploy(production);
  check(refused.status === 401, `production refuses it: ${refused.status} ${refused.headers.get("www-authenticate")}`);

  say("The job ends: the post step asks the service to revoke the token (node dist/post.js)");
  const post = await runActionStep("post", { state: job.state });
  check(post.code === 0 && post.stdout.includes("Revoked the downscope token."), "the post step revoked it");
  const again = await deploy(staging);
  const introspected = await (
    await fetch(`${service.url}/introspect`, { method: "POST", body: new URLSearchParams({ token }) })
  ).json();
  check(
    introspected.active === false,
    `introspection now says {"active": false}; the staging API still accepts it offline (${again.status}) unless it checks /introspect`,
  );

  say("A job from branch feature/x tries the same");
  runner.setClaims(() => ({
    ref: "refs/heads/feature/x",
    job_workflow_ref: "acme/web/.github/workflows/deploy.yml@refs/heads/feature/x",
  }));
  const denied = await runActionStep("main", {
    idTokens: runner,
    inputs: { url: service.url, environment: "staging" },
  });
  check(denied.code === 1 && denied.outputs.token === undefined, "the action failed and output no token");
  detail(errorAnnotation(denied.stdout));

  say("The service's audit log (one line per decision; ids and reasons, never a token)");
  for (const line of service.logs.filter((entry) => entry.event === "token_exchange")) {
    detail(
      `${line.decision} ${line.environment} ${line.repository} ${line.ref} rule=${line.rule ?? "-"} reason=${line.reason} jti=${line.jti ?? "-"}`,
    );
  }
} catch (error) {
  expectations.push(false);
  console.error(`\ndemo failed: ${error instanceof Error ? error.stack : error}`);
} finally {
  for (const stop of cleanup.reverse()) await stop().catch(() => {});
}

const ok = expectations.length > 0 && expectations.every(Boolean);
console.log(
  `\n${ok ? paint("32", "The demo ran as expected.") : paint("31", "Something in the demo did not go as expected (see ✗ above).")} Everything it started has stopped.`,
);
process.exitCode = ok ? 0 : 1;
