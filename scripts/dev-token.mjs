// Prints a development GitHub Actions token for the local service (`./dev token`): the claims
// GitHub would give a job, derived from the flags so they agree with each other (a tag ref is
// `ref_type: tag`, the workflow ref names the same ref), signed by the development key that
// `./dev serve` made to stand in for the policy's issuers.
import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { GITHUB_ISSUER, githubClaims, signGithubToken } from "./fake-github.mjs";

const DEFAULTS = {
  repository: "acme/web",
  "repository-id": "123456",
  "owner-id": "7890",
  ref: "refs/heads/main",
  environment: "staging",
  event: "push",
  workflow: ".github/workflows/deploy.yml",
  runner: "github-hosted",
};

const help = `usage: ./dev token [options]

Prints a GitHub Actions OIDC token for the local service, signed by the development key that
./dev serve made (run it first). Its claims are what GitHub would give such a job; the flags
agree with each other: --ref decides ref_type, and the workflow refs name that ref.

  --repository OWNER/NAME   default ${DEFAULTS.repository}; repository_owner follows it
  --repository-id ID        default ${DEFAULTS["repository-id"]}
  --owner-id ID             repository_owner_id, default ${DEFAULTS["owner-id"]}
  --ref REF                 default ${DEFAULTS.ref}; refs/tags/... makes ref_type tag
  --environment NAME        the job's GitHub environment, default ${DEFAULTS.environment}; "" for a job without one
  --event NAME              event_name, default ${DEFAULTS.event}
  --workflow PATH           the workflow file, default ${DEFAULTS.workflow}
                            (job_workflow_ref: OWNER/NAME/PATH@REF; or give OWNER/NAME/PATH@REF whole,
                            for a reusable workflow in another repository)
  --runner KIND             runner_environment, github-hosted (default) or self-hosted
  --issuer URL              iss, default GitHub.com's; any issuer the policy lists
  --claim NAME=VALUE        any other claim, last (repeatable)
  --claims                  print the claims as JSON instead of the token
  -h, --help                this help
`;

let values;
try {
  ({ values } = parseArgs({
    options: {
      repository: { type: "string", default: DEFAULTS.repository },
      "repository-id": { type: "string", default: DEFAULTS["repository-id"] },
      "owner-id": { type: "string", default: DEFAULTS["owner-id"] },
      ref: { type: "string", default: DEFAULTS.ref },
      environment: { type: "string", default: DEFAULTS.environment },
      event: { type: "string", default: DEFAULTS.event },
      workflow: { type: "string", default: DEFAULTS.workflow },
      runner: { type: "string", default: DEFAULTS.runner },
      issuer: { type: "string", default: GITHUB_ISSUER },
      claim: { type: "string", multiple: true },
      claims: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  }));
} catch (error) {
  console.error(`dev token: ${error.message}\n\n${help}`);
  process.exit(2);
}
if (values.help) {
  process.stdout.write(help);
  process.exit(0);
}
const fail = (message) => {
  console.error(`dev token: ${message}`);
  process.exit(2);
};
if (!/^[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9._-]+$/.test(values.repository)) {
  fail(`--repository takes OWNER/NAME, got "${values.repository}"`);
}
for (const flag of ["repository-id", "owner-id"]) {
  if (!/^[1-9][0-9]{0,19}$/.test(values[flag])) fail(`--${flag} takes a GitHub id (digits), got "${values[flag]}"`);
}
if (!values.ref.startsWith("refs/"))
  fail(`--ref takes a full ref (refs/heads/NAME or refs/tags/NAME), got "${values.ref}"`);
if (!["github-hosted", "self-hosted"].includes(values.runner)) {
  fail(`--runner takes github-hosted or self-hosted, got "${values.runner}"`);
}
if (!existsSync(".dev/issuer-key.json") || !existsSync(".dev/service.json")) {
  fail("no development key yet: run ./dev serve once (it makes .dev/)");
}
const { privateJwk } = JSON.parse(readFileSync(".dev/issuer-key.json", "utf8"));
const service = JSON.parse(readFileSync(".dev/service.json", "utf8"));
if (Array.isArray(service.issuers) && !service.issuers.includes(values.issuer)) {
  fail(`the local service trusts ${service.issuers.join(", ")}; --issuer ${values.issuer} is not one of them`);
}

const repository = values.repository;
const ref = values.ref;
// A path is in this repository; OWNER/NAME/PATH@REF names a reusable workflow anywhere, whose
// caller is then this repository's default workflow file.
const reusable = values.workflow.includes("@");
const withEnvironment = values.environment !== "";
const claims = githubClaims({
  iss: values.issuer,
  aud: service.audience ?? service.url,
  sub: withEnvironment ? `repo:${repository}:environment:${values.environment}` : `repo:${repository}:ref:${ref}`,
  repository,
  repository_owner: repository.split("/")[0],
  repository_id: values["repository-id"],
  repository_owner_id: values["owner-id"],
  ref,
  ref_type: ref.startsWith("refs/tags/") ? "tag" : "branch",
  environment: values.environment,
  event_name: values.event,
  runner_environment: values.runner,
  workflow_ref: `${repository}/${reusable ? DEFAULTS.workflow : values.workflow}@${ref}`,
  job_workflow_ref: reusable ? values.workflow : `${repository}/${values.workflow}@${ref}`,
});
// A job outside any GitHub environment has no environment claim at all.
if (!withEnvironment) delete claims.environment;
for (const pair of values.claim ?? []) {
  const at = pair.indexOf("=");
  if (at <= 0) fail(`--claim takes NAME=VALUE, got "${pair}"`);
  claims[pair.slice(0, at)] = pair.slice(at + 1);
}
if (values.claims) process.stdout.write(`${JSON.stringify(claims, null, 2)}\n`);
else process.stdout.write(`${await signGithubToken(privateJwk, claims)}\n`);
