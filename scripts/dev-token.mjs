// Prints a development GitHub Actions token for the local service (`./dev token`): the claims
// of a push to acme/web's main deploying to staging, signed by the development issuer.
import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { githubClaims, signGithubToken } from "./fake-github.mjs";

const help = `usage: ./dev token [options]

Prints a GitHub-like OIDC token signed by the local development issuer (run ./dev serve first).

  --repository OWNER/NAME   default acme/web (repository_id 123456 unless --repository-id)
  --repository-id ID        default 123456
  --ref REF                 default refs/heads/main
  --environment NAME        the job's GitHub environment, default staging
  --event NAME              default push
  --claim NAME=VALUE        any other claim (repeatable)
  --claims                  print the claims as JSON instead of the token
`;

const { values } = parseArgs({
  options: {
    repository: { type: "string" },
    "repository-id": { type: "string" },
    ref: { type: "string" },
    environment: { type: "string" },
    event: { type: "string" },
    claim: { type: "string", multiple: true },
    claims: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  process.stdout.write(help);
  process.exit(0);
}
if (!existsSync(".dev/issuer-key.json") || !existsSync(".dev/service.json")) {
  console.error("dev token: no development issuer yet: run ./dev serve once (it makes .dev/)");
  process.exit(1);
}
const { privateJwk } = JSON.parse(readFileSync(".dev/issuer-key.json", "utf8"));
const service = JSON.parse(readFileSync(".dev/service.json", "utf8"));

const overrides = { iss: service.issuer, aud: service.url };
if (values.repository) {
  overrides.repository = values.repository;
  overrides.repository_owner = values.repository.split("/")[0];
}
if (values["repository-id"]) overrides.repository_id = values["repository-id"];
if (values.ref) overrides.ref = values.ref;
if (values.environment) overrides.environment = values.environment;
if (values.event) overrides.event_name = values.event;
for (const pair of values.claim ?? []) {
  const at = pair.indexOf("=");
  if (at <= 0) {
    console.error(`dev token: --claim takes NAME=VALUE, got "${pair}"`);
    process.exit(2);
  }
  overrides[pair.slice(0, at)] = pair.slice(at + 1);
}
const repository = overrides.repository ?? "acme/web";
overrides.sub ??= `repo:${repository}:environment:${overrides.environment ?? "staging"}`;
overrides.job_workflow_ref ??= `${repository}/.github/workflows/deploy.yml@${overrides.ref ?? "refs/heads/main"}`;
overrides.workflow_ref ??= overrides.job_workflow_ref;

const claims = githubClaims(overrides);
if (values.claims) process.stdout.write(`${JSON.stringify(claims, null, 2)}\n`);
else process.stdout.write(`${await signGithubToken(privateJwk, claims)}\n`);
