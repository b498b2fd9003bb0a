/** The `downscope` command: admins' tools over the service's own policy and key code. */
import { Command, CommanderError } from "commander";
import { version } from "../package.json";
import { dpopProof } from "./dpop";
import { CliError, type CliIo } from "./io";
import { policyJsonSchema } from "./json-schema";
import { keysGenerate, keysRotate } from "./keys";
import { policyBuild } from "./policy-build";
import { policyCheck } from "./policy-check";
import { policyDiff } from "./policy-diff";
import { policyExplain } from "./policy-explain";
import { policyReport } from "./policy-report";
import { policyTest } from "./policy-test";
import { tokenDecode } from "./token-decode";
import { tokenNarrow } from "./token-narrow";
import { TRUST_PROVIDERS, trust } from "./trust";

/** Runs the command line; resolves to the exit code (0 ok, 1 a failed check, 2 a usage error). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let code = 0;
  const program = new Command("downscope")
    .description("Check, explain and test downscope policies; make signing keys; make DPoP proofs; decode tokens.")
    .version(version, "-V, --version", "print the version")
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.out(text), writeErr: (text) => io.err(text) })
    .showHelpAfterError("(add --help for usage)");

  const policy = program.command("policy").description("Work with a policy file (YAML or JSON).");
  policy
    .command("check")
    .description("Parse, validate and lint a policy. Exit 0 when valid (warnings allowed), 1 on errors.")
    .argument("<file>", "the policy, or - for standard input")
    .option("--json", "print problems as JSON")
    .option("--strict", "fail on warnings too")
    .addHelpText(
      "after",
      "\nInside GitHub Actions (GITHUB_ACTIONS=true) problems print as annotations on the file's lines.",
    )
    .action((file: string, options) => {
      code = policyCheck(io, file, options);
    });
  policy
    .command("build")
    .description(
      "Check a policy as `check` does, then write it as the artifact the Worker bundles (canonical JSON with digests).",
    )
    .argument("<file>", "the policy (YAML or JSON), or - for standard input")
    .option("--out <path>", "where to write the artifact (default: .build/policy.json, which wrangler.jsonc bundles)")
    .option("--strict", "fail on warnings too")
    .option("--variable", "print the policy as JSON text for DOWNSCOPE_POLICY (local runs and tests) instead")
    .addHelpText(
      "after",
      "\nA deployment: downscope policy build policy.yml && wrangler deploy --env production\nNothing is written when the policy is invalid, or too large for a Worker (sizes are printed).",
    )
    .action(async (file: string, options) => {
      code = await policyBuild(io, file, options);
    });
  policy
    .command("diff")
    .description("What a policy change does to access: each change widens, narrows, changes or only relabels, and why.")
    .argument("<base>", "the policy before (e.g. the pull request's base)")
    .argument("<head>", "the policy after")
    .option("--json", "print the changes as JSON")
    .option("--markdown", "print a Markdown report, for a pull-request comment")
    .option("--fail-on-widening", "exit 1 when anything widens (to require a second approval for those)")
    .action((base: string, head: string, options) => {
      code = policyDiff(io, base, head, options);
    });
  policy
    .command("report")
    .description("Who can obtain what: per environment, each rule's admitted identities and grants, with its warnings.")
    .argument("<file>", "the policy")
    .option("--json", "print the report as JSON")
    .action((file: string, options) => {
      code = policyReport(io, file, options);
    });
  policy
    .command("explain")
    .description("The decision the service would take for these claims, rule by rule. Exit 0 allow, 1 deny.")
    .argument("<file>", "the policy")
    .requiredOption(
      "--claims <file>",
      "the claims: a JSON object, or a GitHub token (decoded, not verified); - for stdin",
    )
    .option("--environment <name>", "the target (default: the claims' environment)")
    .option("--scope <scopes>", "space-separated scopes to ask for (default: the environment's default)")
    .option("--ttl <duration>", "lifetime to ask for, e.g. 10m")
    .option("--json", "print the explanation as JSON")
    .action((file: string, options) => {
      code = policyExplain(io, file, options);
    });
  policy
    .command("test")
    .description("Run a file of test cases against a policy. Exit 1 on any failed case.")
    .argument("<file>", "the policy")
    .argument("<cases>", "the cases (YAML): defaults.claims, and cases of name, claims, request, expect")
    .option("--json", "print results as JSON")
    .addHelpText(
      "after",
      `
Cases file:
  defaults:
    claims: { repository: acme/web, repository_id: "123456", repository_owner_id: "7890", jti: x }
  cases:
    - name: main deploys to staging
      claims: { ref: refs/heads/main, environment: staging }
      request: { environment: staging, scope: deploy:write, ttl: 10m }
      expect: { decision: allow, rule: web deploys from main, scopes: [deploy:write], ttl: 10m }
    - name: a feature branch does not
      claims: { ref: refs/heads/feature, environment: staging }
      expect: { decision: deny, error: invalid_target, failed: [ref] }`,
    )
    .action((file: string, cases: string, options) => {
      code = policyTest(io, file, cases, options);
    });

  policy
    .command("schema")
    .description("Print the policy's JSON Schema (the one in schema/policy.schema.json), for editors.")
    .action(() => {
      io.out(`${JSON.stringify(policyJsonSchema(), null, 2)}`);
    });

  program
    .command("trust")
    .description(
      "What a cloud or platform needs to trust a kind: oidc environment's tokens: exact on iss, aud and sub, with the provider's limits.",
    )
    .argument("<provider>", TRUST_PROVIDERS.join(" | "))
    .argument("<policy>", "the policy file")
    .requiredOption("--environment <name>", "the oidc environment")
    .requiredOption("--issuer <url>", "DOWNSCOPE_ISSUER, exactly as the service has it")
    .option("--json", "print the documents as one JSON object")
    .action((provider, file, options) => {
      code = trust(io, provider, file, options);
    });

  const keys = program.command("keys").description("Signing keys for DOWNSCOPE_SIGNING_KEYS.");
  keys
    .command("generate")
    .description("New private signing keys (array JSON on stdout, for the secret); their public JWKS on stderr.")
    .option(
      "--alg <alg>",
      "ES256 (default), EdDSA or RS256 (2048 bits), or a list: ES256,RS256 for access tokens and federation",
    )
    .option("--out <file>", "write the keys to this file, readable by you alone (refused where git would track it)")
    .option("--json", "print key, kid and public JWKS as one JSON object")
    .action(async (options) => {
      code = await keysGenerate(io, options);
    });
  keys
    .command("rotate")
    .description(
      "The next DOWNSCOPE_SIGNING_KEYS: a new key of one algorithm signs, its current key kept to verify, other algorithms' keys kept.",
    )
    .requiredOption("--current <file>", "the current DOWNSCOPE_SIGNING_KEYS value, or - for stdin")
    .option("--alg <alg>", "the algorithm to rotate: ES256 (default), EdDSA or RS256")
    .option(
      "--out <file>",
      "write the next keys to this file, readable by you alone (refused where git would track it)",
    )
    .option("--json", "print as one JSON object")
    .action(async (options) => {
      code = await keysRotate(io, options);
    });

  program
    .command("dpop")
    .description("DPoP proofs for a DPoP-bound token.")
    .command("proof")
    .description(
      "Print a fresh DPoP proof for one request (send it as the DPoP header, the token as Authorization: DPoP).",
    )
    .option("--key <file>", "the private JWK: the action's dpop-key-file, or - for stdin")
    .option("--key-env <name>", "or an environment variable holding it (the action's dpop-key output)")
    .requiredOption("--method <method>", "the request's method, e.g. POST")
    .requiredOption("--url <url>", "the request's full URL (query and fragment are left out of the proof)")
    .option("--token <token>", "the access token the proof goes with (adds ath); needed by resource servers")
    .addHelpText(
      "after",
      `
In a workflow, after uses: acme/downscope@v1 with dpop: true (id: downscope):
  proof=$(node "$DOWNSCOPE" dpop proof --key "$KEY_FILE" --method POST --url https://deploy.acme.dev/deploy --token "$TOKEN")
  curl -X POST https://deploy.acme.dev/deploy -H "Authorization: DPoP $TOKEN" -H "DPoP: $proof"
with env: DOWNSCOPE: \${{ steps.downscope.outputs.cli }} (this CLI, bundled with the action),
KEY_FILE: \${{ steps.downscope.outputs.dpop-key-file }}, TOKEN: \${{ steps.downscope.outputs.token }}`,
    )
    .action(async (options) => {
      code = await dpopProof(io, options);
    });

  const token = program.command("token").description("Tokens.");
  token
    .command("narrow")
    .description(
      "Exchange a downscope token for a narrower one for a sub-task (fewer scopes, a shorter life); prints the new token.",
    )
    .requiredOption("--url <url>", "the downscope service's base URL")
    .option("--token-env <name>", "an environment variable holding the token to narrow")
    .option("--token <->", "- to read the token from stdin (never the token itself: arguments are visible to all)")
    .option("--key <file>", "for a DPoP-bound token: its private JWK (the action's dpop-key-file), or - for stdin")
    .option("--key-env <name>", "or an environment variable holding that JWK")
    .option("--scope <scopes>", "space-separated scopes, within the token's (default: all of them)")
    .option("--ttl <duration>", "lifetime, e.g. 2m (default: the environment's ttl, never past the token's expiry)")
    .option("--json", "print the whole answer (token_type, expires_in, scope, environment) as JSON")
    .addHelpText(
      "after",
      `
The environment's policy must say narrowing: allowed. For example, to hand a test step a token
that can only read logs for two minutes:
  child=$(DEPLOY_TOKEN=... npx downscope token narrow --url https://downscope.acme.dev --token-env DEPLOY_TOKEN --scope logs:read --ttl 2m)`,
    )
    .action(async (options) => {
      code = await tokenNarrow(io, options);
    });
  token
    .command("decode")
    .description("Show a JWT's header and claims and when it expires. Never verifies it.")
    .argument("<token>", "the token, or - for stdin")
    .option("--json", "print as JSON")
    .action((token: string, options) => {
      code = tokenDecode(io, token, options);
    });

  try {
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof CliError) {
      io.err(`downscope: ${error.message}`);
      return error.exitCode;
    }
    throw error;
  }
}
