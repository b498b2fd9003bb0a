// `npm run bench`: how close downscope is to the cost of its cryptography, and the other figures
// issue #8 asks for. Everything is measured in this one run and compared against a baseline
// measured in the same run; the results go to bench/RESULTS.md. Takes a few minutes.
import { execFile, spawn } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import os from "node:os";
import { promisify } from "node:util";
import autocannon from "autocannon";
import { build } from "esbuild";
import { exportJWK, generateKeyPair } from "jose";
import { parse as parseYaml } from "yaml";
import { requireShim, yamlWithoutEnvLookups } from "../scripts/bundle-options.mjs";
import { GITHUB_ISSUER, generateIssuerKey, githubClaims, signGithubToken } from "../scripts/fake-github.mjs";
import { largePolicyClaims, largePolicyText } from "../scripts/large-policy.mjs";
import { bundleWorker, postTokenExchange, serveWorker, startLocalService } from "../scripts/local-service.mjs";
import { LOAD_HEADING } from "./load-results.mjs";
import { rssKb, workerdChildren } from "./process-memory.mjs";

const quick = process.argv.includes("--quick");
const ROUNDS = quick ? 3 : 7;
const LOOP = quick ? 200 : 500;
const HTTP_SECONDS = quick ? 3 : 5;
const HTTP_CONNECTIONS = 16;
const SINGLE_USE_REQUESTS = quick ? 1000 : 3000;
const ISSUER = "https://downscope.example.com";

const log = (text) => process.stderr.write(`bench: ${text}\n`);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const spread = (values) => `${fmt(Math.min(...values))}–${fmt(Math.max(...values))}`;
const fmt = (value, digits = 3) =>
  Math.abs(value) >= 100 ? value.toFixed(0) : Number(value.toPrecision(digits)).toString();
const results = [];
const record = (section, figure, value, detail, target) => {
  results.push({ section, figure, value, detail, target });
  log(`${section} / ${figure}: ${value}${detail ? ` (${detail})` : ""}${target ? ` [${target}]` : ""}`);
};

async function bundle() {
  const common = { bundle: true, format: "esm", logLevel: "warning", legalComments: "none" };
  await build({
    ...common,
    entryPoints: ["bench/bench-worker.ts"],
    outfile: ".build/bench/bench-worker.js",
    platform: "browser",
    conditions: ["workerd", "worker", "browser"],
    external: ["cloudflare:*", "node:*"],
  });
  await build({
    ...common,
    entryPoints: ["bench/node-bench.ts"],
    outfile: ".build/bench/node-bench.mjs",
    platform: "node",
    // As dist/cli.js is built: the figures are the CLI's.
    plugins: [yamlWithoutEnvLookups],
    banner: { js: requireShim },
  });
}

async function timed(url) {
  const started = performance.now();
  const response = await fetch(url);
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = { error: text };
  }
  if (!response.ok || body.failures) throw new Error(`${url}: ${response.status} ${JSON.stringify(body)}`);
  return performance.now() - started;
}

/** Sections to run: all by default; `--only 1,2` for a quicker look at some (RESULTS.md is then left alone). */
const only = (() => {
  const index = process.argv.indexOf("--only");
  if (index === -1) return undefined;
  const wanted = new Set((process.argv[index + 1] ?? "").split(","));
  if ([...wanted].some((section) => !["1", "2", "3", "4", "5", "6", "7"].includes(section))) {
    throw new Error("--only takes section numbers 1–7, comma-separated: --only 1,2");
  }
  return wanted;
})();
const wants = (...sections) => !only || sections.some((section) => only.has(section));

async function main() {
  log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  );
  await bundle();
  const github = await generateIssuerKey();
  const { privateKey } = await generateKeyPair("ES256", { extractable: true });
  const signingJwk = { ...(await exportJWK(privateKey)), alg: "ES256", kid: "bench" };

  if (wants("1", "2", "4", "6")) {
    const rsa = await generateKeyPair("RS256", { extractable: true, modulusLength: 2048 });
    const rsaSigningJwk = { ...(await exportJWK(rsa.privateKey)), alg: "RS256", kid: "bench-rsa" };
    const bench = await startBenchWorker(github, signingJwk, rsaSigningJwk);
    if (wants("1")) await inProcess(bench);
    if (wants("4", "6")) await manyExchanges(bench);
    if (wants("2")) await overHttp(bench, github, signingJwk);
    await bench.stop();
  }
  if (wants("3", "4")) {
    const nodeBench = await import(`${process.cwd()}/.build/bench/node-bench.mjs`);
    if (wants("4")) await kidFlood(nodeBench);
    if (wants("3")) policyScale(nodeBench);
  }
  if (wants("5")) await theAction();
  if (wants("7")) await coldStart(github, signingJwk);

  if (only) log("--only: bench/RESULTS.md left as it was");
  else writeResults();
}

/** The bench worker in workerd, set up with the keys and policy, and a way to stock it with GitHub tokens. */
async function startBenchWorker(github, signingJwk, rsaSigningJwk) {
  const before = new Set(workerdChildren());
  const worker = await serveWorker({ scriptPath: ".build/bench/bench-worker.js", bindings: {} });
  const pid = workerdChildren().find((candidate) => !before.has(candidate));
  await fetch(`${worker.url}/setup`, {
    method: "POST",
    body: JSON.stringify({
      githubPrivateJwk: github.privateJwk,
      githubPublicJwk: github.publicJwk,
      signingJwk,
      rsaSigningJwk,
      issuer: ISSUER,
      // DOWNSCOPE_POLICY is JSON text: the Worker reads no YAML.
      policy: JSON.stringify(parseYaml(readFileSync("bench/policy.yml", "utf8"))),
    }),
  });
  const stock = async (count) => {
    for (let left = count; left > 0; left -= 1000) await fetch(`${worker.url}/tokens?n=${Math.min(1000, left)}&keep=1`);
  };
  return { ...worker, pid, stock };
}

/** 1. The floor and the full exchange, interleaved, inside one workerd isolate. */
async function inProcess(bench) {
  const modes = [
    "floor",
    "floor-do",
    "app",
    "app-memory",
    "framing",
    "narrow",
    "narrow-floor",
    "narrow-floor-framed",
    "oidc",
    "oidc-floor",
    "github",
    "github-floor",
  ];
  // The narrowing modes spend no GitHub token.
  const spending = modes.filter((mode) => !mode.startsWith("narrow"));
  log("in-process: signing GitHub tokens for the runs");
  await bench.stock(spending.length * (200 + ROUNDS * (LOOP + 40)));
  for (const mode of modes) await timed(`${bench.url}/loop?mode=${mode}&n=200`);
  const perOp = Object.fromEntries(modes.map((mode) => [mode, []]));
  const ratios = { app: [], memory: [], state: [], handled: [], narrow: [], narrowHandled: [], oidc: [], github: [] };
  for (let round = 0; round < ROUNDS; round++) {
    const this_ = {};
    for (const mode of round % 2 === 0 ? modes : [...modes].reverse()) {
      const small = await timed(`${bench.url}/loop?mode=${mode}&n=20`);
      const big = await timed(`${bench.url}/loop?mode=${mode}&n=${LOOP + 20}`);
      this_[mode] = (big - small) / LOOP;
      perOp[mode].push(this_[mode]);
    }
    ratios.app.push(this_.app / this_.floor);
    ratios.memory.push(this_["app-memory"] / this_.floor);
    ratios.state.push(this_.app / this_["floor-do"]);
    ratios.handled.push(this_["app-memory"] / (this_.floor + this_.framing));
    ratios.narrow.push(this_.narrow / this_["narrow-floor"]);
    ratios.narrowHandled.push(this_.narrow / this_["narrow-floor-framed"]);
    ratios.oidc.push(this_.oidc / this_["oidc-floor"]);
    ratios.github.push(this_.github / this_["github-floor"]);
  }
  const section = "1. in-process";
  const perExchange = (mode, detail = "") => [
    `${fmt(median(perOp[mode]))} ms`,
    `spread ${spread(perOp[mode])} ms${detail}`,
  ];
  const ratio = (figure, values, detail = "", target = "≤ 1.3") =>
    record(section, figure, fmt(median(values)), `spread ${spread(values)}${detail}`, target);
  record(
    section,
    "crypto floor per exchange (RS256 verify + ES256 sign)",
    ...perExchange("floor", ` over ${ROUNDS} rounds of ${LOOP}`),
  );
  record(section, "downscope POST /token per exchange (with its Durable Object)", ...perExchange("app"));
  ratio("ratio downscope / floor", ratios.app);
  record(section, "floor + one Durable Object claim (what single use cannot avoid)", ...perExchange("floor-do"));
  record(
    section,
    "request and response handling alone (no crypto, no state)",
    ...perExchange("framing", ": part of downscope's cost that the floor does not pay"),
  );
  ratio("ratio downscope / (floor + one claim)", ratios.state);
  record(
    section,
    "downscope per exchange, single-use records in isolate memory instead",
    ...perExchange("app-memory", ": the code's own cost, without the Durable Object round trip"),
  );
  ratio("ratio downscope (records in memory) / floor", ratios.memory);
  ratio(
    "ratio downscope (records in memory) / (floor + request and response handling)",
    ratios.handled,
    ": what the code adds over any handler that verifies and signs",
  );
  record(
    section,
    "narrowing floor (ES256 verify of the parent + one Durable Object read + ES256 sign)",
    ...perExchange("narrow-floor"),
  );
  record(
    section,
    "narrowing floor as a handler runs it (the token read from a request's form, the same work, a JSON answer)",
    ...perExchange(
      "narrow-floor-framed",
      ": in workerd reading a body and a Durable Object round trip do not add up (together ~150 µs more than the floor, framing alone ~50 µs)",
    ),
  );
  record(section, "downscope POST /token narrowing a token (docs/narrowing.md)", ...perExchange("narrow"));
  ratio(
    "ratio narrowing / (its floor: verify + one Durable Object read + sign)",
    ratios.narrow,
    ": a floor no handler can reach, since it never reads a request",
    "(context)",
  );
  ratio(
    "ratio narrowing / (its floor as a handler runs it)",
    ratios.narrowHandled,
    ": what the code adds over any handler that reads a form, verifies, reads the state, signs and answers",
  );
  record(
    section,
    "federation floor (RS256 verify + one Durable Object claim + RS256 sign)",
    ...perExchange("oidc-floor"),
  );
  record(section, "downscope POST /token for an oidc environment (RS256, AWS session tags)", ...perExchange("oidc"));
  ratio("ratio federation token / its floor", ratios.oidc);
  record(
    section,
    "GitHub token floor (RS256 verify + one Durable Object claim + one call to the fake GitHub API)",
    ...perExchange("github-floor"),
  );
  record(
    section,
    "downscope POST /token for a github environment (app JWT and installation cached)",
    ...perExchange("github"),
  );
  ratio("ratio GitHub token / its floor", ratios.github);
}

/** 4a and 6. 10,000 exchanges: JWKS fetches, and the isolate's memory as they accumulate. */
async function manyExchanges(bench) {
  const rss = [];
  if (bench.pid) rss.push([0, rssKb(bench.pid)]);
  const total = quick ? 2000 : 10_000;
  for (let done = 0; done < total; ) {
    await bench.stock(2500);
    for (let i = 0; i < 2500 && done < total; i += 500, done += 500) await timed(`${bench.url}/loop?mode=app&n=500`);
    if (bench.pid) rss.push([done, rssKb(bench.pid)]);
  }
  const stats = await (await fetch(`${bench.url}/stats`)).json();
  record(
    "4. key fetching",
    `outbound JWKS fetches over ${stats.exchanges} exchanges`,
    String(stats.jwksFetches),
    "the isolate's key cache",
    "1",
  );
  if (rss.length > 2) {
    const first = rss[1];
    const last = rss.at(-1);
    const growth = ((last[1] - first[1]) / (last[0] - first[0])) * 1000;
    record(
      "6. memory",
      "workerd RSS after 2,500 … 10,000 exchanges",
      rss.map(([n, kb]) => `${n}: ${(kb / 1024).toFixed(1)} MiB`).join(", "),
      "the process holding the isolate and its Durable Objects",
    );
    record(
      "6. memory",
      "growth per 1,000 exchanges after warm-up",
      `${fmt(growth)} KiB`,
      "includes the single-use records, kept until the tokens expire (~195 B each in SQLite)",
      "no growth with request count in the isolate",
    );
  }
}

/** 4b. A flood of unknown kids, over simulated minutes (Node, the service's own modules). */
async function kidFlood(nodeBench) {
  const flood = await nodeBench.kidFlood(quick ? 500 : 3000, 10);
  record(
    "4. key fetching",
    `JWKS fetches under ${flood.requests} unknown-kid tokens over ${flood.minutes} simulated minutes`,
    String(flood.fetches),
    `${flood.refused} refused; cooldown ${flood.cooldownSeconds} s`,
    `≤ ${(flood.minutes * 60) / flood.cooldownSeconds + 1} (one per cooldown)`,
  );
}

/** 3. Policy scale: compile once, then decide many times. */
function policyScale(nodeBench) {
  for (const row of nodeBench.policyScale(
    quick ? [10, 1000, 10_000] : [10, 1000, 10_000, 100_000],
    quick ? 2000 : 20_000,
  )) {
    record(
      "3. policy scale",
      `${row.rules.toLocaleString("en")} rules (${(row.bytes / 1024).toFixed(0)} KiB)`,
      `${fmt(row.decisionMicros)} µs per decision`,
      `compile once ${fmt(row.compileMs)} ms; decision spread ${spread(row.spread)} µs; ${Math.round(row.allowedShare * 100)}% allowed`,
    );
  }
  const diff = nodeBench.policyDiffScale(10_000);
  record(
    "3. policy scale",
    "policy diff of two 10,000-rule policies (YAML, as the CLI reads them)",
    `${fmt((diff.readMs + diff.diffMs) / 1000)} s`,
    `reading and validating both ${fmt(diff.readMs / 1000)} s, the diff ${fmt(diff.diffMs)} ms (first match included; ${(diff.budgetShare * 100).toFixed(1)}% of its work budget); ${diff.changes} changed rules`,
    "< 5 s",
  );
}

/**
 * 2. Over HTTP under load: the bundled service, the bare floor, and the floor with its one
 * Durable Object claim, all served by workerd, alternating.
 */
async function overHttp(bench, github, signingJwk) {
  const service = await startLocalService({ policy: policyFor(github.publicJwk), signingKeys: [signingJwk] });
  const tokensFor = async (aud, count) => {
    const made = [];
    for (let left = count; left > 0; left -= 1000) {
      made.push(
        ...(await (await fetch(`${bench.url}/tokens?n=${Math.min(1000, left)}&aud=${encodeURIComponent(aud)}`)).json()),
      );
    }
    return made;
  };
  const runs = { floor: [], floorClaim: [], service: [], sameWorker: [], memory: [] };
  log("http: signing GitHub tokens for the load runs");
  const floorTokens = await tokensFor(ISSUER, 2000);
  // Every target warmed first: a Durable Object's first request creates its database, which the
  // service would otherwise pay in its first round and the bench worker in earlier sections.
  for (const [url, path, aud] of [
    [bench.url, "/floor-claim", ISSUER],
    [service.url, "/token", service.url],
    [bench.url, "/token", ISSUER],
    [bench.url, "/token-memory", ISSUER],
  ]) {
    await load(url, path, await tokensFor(aud, 1000));
  }
  for (let round = 0; round < 3; round++) {
    runs.floor.push(await load(bench.url, "/floor", floorTokens, false));
    runs.floorClaim.push(await load(bench.url, "/floor-claim", await tokensFor(ISSUER, SINGLE_USE_REQUESTS)));
    runs.service.push(await load(service.url, "/token", await tokensFor(service.url, SINGLE_USE_REQUESTS)));
    runs.sameWorker.push(await load(bench.url, "/token", await tokensFor(ISSUER, SINGLE_USE_REQUESTS)));
    runs.memory.push(await load(bench.url, "/token-memory", await tokensFor(ISSUER, SINGLE_USE_REQUESTS)));
  }
  await service.stop();
  const row = (r) =>
    `${fmt(median(r.map((x) => x.rps)))} req/s (spread ${spread(r.map((x) => x.rps))}), p50 ${median(r.map((x) => x.p50))} ms, p99 ${median(r.map((x) => x.p99))} ms, non-2xx ${r.reduce((a, x) => a + x.non2xx, 0)}${r.some((x) => x.exhausted) ? ", tokens reused" : ""}`;
  const rps = (r) => median(r.map((x) => x.rps));
  const section = "2. HTTP";
  record(
    section,
    `floor worker (verify + sign), ${HTTP_CONNECTIONS} connections × ${HTTP_SECONDS} s × 3`,
    row(runs.floor),
  );
  record(
    section,
    `downscope POST /token, the bundled service, ${HTTP_CONNECTIONS} connections × ${SINGLE_USE_REQUESTS} single-use tokens × 3`,
    row(runs.service),
    "audit lines shipped to the host as in production",
  );
  record(section, "ratio downscope / floor requests/s", fmt(rps(runs.service) / rps(runs.floor)), "", "≥ 0.8");
  record(
    section,
    "floor + one Durable Object claim per request (what single use cannot avoid)",
    row(runs.floorClaim),
    "the floor worker, with the service's ledger",
  );
  record(
    section,
    "ratio downscope / (floor + one claim) requests/s",
    fmt(rps(runs.service) / rps(runs.floorClaim)),
    "",
    "≥ 0.8",
  );
  record(
    section,
    "downscope's handler in the floor's own worker, with its Durable Object",
    row(runs.sameWorker),
    "same bundle and server as the floor; logs off",
  );
  record(
    section,
    "the same, single-use records in isolate memory",
    row(runs.memory),
    "what the code costs without the Durable Object round trip",
  );
  record(section, "ratio (records in memory) / floor requests/s", fmt(rps(runs.memory) / rps(runs.floor)), "", "≥ 0.8");
}

/** One autocannon run; single-use tokens bound a run by count, the floor's reusable ones by time. */
async function load(url, path, tokens, singleUse = true) {
  let next = 0;
  const result = await autocannon({
    url,
    connections: HTTP_CONNECTIONS,
    ...(singleUse ? { amount: tokens.length } : { duration: HTTP_SECONDS }),
    requests: [
      {
        method: "POST",
        path,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        setupRequest: (request) => ({
          ...request,
          body: `grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange&subject_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Aid_token&subject_token=${tokens[next++ % tokens.length]}`,
        }),
      },
    ],
  });
  return {
    // Little's law on the closed loop (connections ÷ mean latency): autocannon's own counts come
    // per whole second, too coarse for runs bounded by a count of single-use tokens.
    rps: (HTTP_CONNECTIONS * 1000) / result.latency.mean,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    total: result.requests.total,
    exhausted: next > tokens.length,
  };
}

/** 5. The action: size, and time from start to its first request, against bare node. */
async function theAction() {
  const chunks = readdirSync("dist/chunks").map((name) => [name, statSync(`dist/chunks/${name}`).size]);
  const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
  const always =
    statSync("dist/main.js").size +
    statSync("dist/post.js").size +
    chunks.filter(([name]) => !name.startsWith("dpop-")).reduce((sum, [, size]) => sum + size, 0);
  const dpopChunk = chunks.filter(([name]) => name.startsWith("dpop-")).reduce((sum, [, size]) => sum + size, 0);
  record(
    "5. action",
    "size of the action (dist/main.js, post.js and the chunks they load)",
    kib(always),
    `plus ${kib(dpopChunk)} loaded only with dpop: true (jose); nothing to install: @actions/core is bundled`,
  );
  const firstRequest = [];
  const bare = [];
  for (let i = 0; i < 15; i++) {
    firstRequest.push(await actionStartup());
    const t0 = performance.now();
    await promisify(execFile)(process.execPath, ["-e", ""]);
    bare.push(performance.now() - t0);
  }
  record(
    "5. action",
    "node dist/main.js: start to first request",
    `${fmt(median(firstRequest))} ms`,
    `spread ${spread(firstRequest)} ms over 15`,
    "< 150 ms",
  );
  record("5. action", "bare node -e '': start to exit", `${fmt(median(bare))} ms`, `spread ${spread(bare)} ms`);
  record(
    "5. action",
    "the action's own start-up cost (first request − bare node)",
    `${fmt(median(firstRequest) - median(bare))} ms`,
    "@actions/core bundled, its unused HTTP stack left out",
    "≤ 150 ms",
  );
}

function policyFor(publicJwk) {
  const text = readFileSync("bench/policy.yml", "utf8");
  return text.replace(
    "version: 1\n",
    `version: 1\nissuers:\n  - issuer: ${GITHUB_ISSUER}\n    jwks: ${JSON.stringify({ keys: [publicJwk] })}\n`,
  );
}

/** Milliseconds from spawning the action to its first request to the runner's OIDC endpoint. */
function actionStartup() {
  return new Promise((resolve, reject) => {
    let started = 0;
    const server = createServer((_request, response) => {
      const elapsed = performance.now() - started;
      response.writeHead(500).end();
      server.close();
      child.kill();
      resolve(elapsed);
    });
    let child;
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      started = performance.now();
      child = spawn(process.execPath, ["dist/main.js"], {
        env: {
          PATH: process.env.PATH,
          INPUT_URL: "https://downscope.example.com",
          ACTIONS_ID_TOKEN_REQUEST_URL: `http://127.0.0.1:${port}/idtoken`,
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: "x",
        },
        stdio: "ignore",
      });
      child.on("error", reject);
    });
  });
}

/**
 * Cold start: a fresh workerd per sample, serving the bundled Worker with a policy artifact as a
 * deployment carries it. The first /token (which loads the policy) against warm ones in the same
 * process; memory growth over that first request; and, for comparison, the same 10,000 rules
 * handed in as DOWNSCOPE_POLICY (fully validated at load, as before artifacts).
 */
async function coldStart(github, signingJwk) {
  const samples = quick ? 3 : 7;
  const WARM = 15;
  const issuers = [{ issuer: GITHUB_ISSUER, jwks: { keys: [github.publicJwk] } }];
  const example = readFileSync("examples/policy.yml", "utf8").replace(
    "version: 1\n",
    `version: 1\nissuers: ${JSON.stringify(issuers)}\n`,
  );
  const cases = [
    { name: "example policy", text: example, claims: () => ({}), target: (warm) => `≤ 3 × warm (${fmt(3 * warm)} ms)` },
    { name: "1,000 rules", rules: 1000, target: () => "≤ warm + 25 ms" },
    { name: "10,000 rules", rules: 10_000, target: () => "≤ warm + 150 ms, ≤ 48 MB" },
    { name: "10,000 rules as DOWNSCOPE_POLICY (validated at load)", rules: 10_000, variable: true },
  ];
  const ready = {};
  for (const item of cases) {
    // One rule in ten draws a lint warning (no environment condition), as in real policies: the
    // service logs them as one line at load, never one per warning.
    const text = item.text ?? largePolicyText(item.rules, { issuers, unlintedEvery: 10 });
    const claimsFor = item.claims ?? ((k) => largePolicyClaims((k * 7919) % item.rules, item.rules));
    const source = `.build/bench/cold-${item.rules ?? "example"}.yml`;
    const artifact = `.build/bench/cold-${item.rules ?? "example"}.json`;
    writeFileSync(source, text);
    if (!item.variable) {
      await promisify(execFile)(process.execPath, ["dist/cli.js", "policy", "build", source, "--out", artifact]);
    }
    const { upload } = await bundleWorker(item.variable ? {} : { artifact });
    const runs = { first: [], warm: [], grown: [], ready: [], lint: [] };
    for (let sample = 0; sample < samples; sample++) {
      const before = new Set(workerdChildren());
      const started = performance.now();
      const service = await startLocalService({
        ...(item.variable ? { policy: text } : { artifact }),
        signingKeys: [signingJwk],
      });
      runs.ready.push(performance.now() - started);
      const pid = workerdChildren().find((candidate) => !before.has(candidate));
      try {
        const tokens = await Promise.all(
          Array.from({ length: WARM + 1 }, (_, k) =>
            signGithubToken(github.privateJwk, githubClaims({ aud: service.url, ...claimsFor(k) })),
          ),
        );
        await fetch(`${service.url}/bench-cold-start-404`).then((response) => response.text());
        const rssBefore = pid ? rssKb(pid) : Number.NaN;
        const exchange = async (token) => {
          const t0 = performance.now();
          const response = await postTokenExchange(service.url, token);
          const body = await response.text();
          if (response.status !== 200) throw new Error(`cold start ${item.name}: ${response.status} ${body}`);
          return performance.now() - t0;
        };
        runs.first.push(await exchange(tokens[0]));
        runs.grown.push(pid ? (rssKb(pid) - rssBefore) / 1024 : Number.NaN);
        const warm = [];
        for (const token of tokens.slice(1)) warm.push(await exchange(token));
        runs.warm.push(median(warm));
        // What the isolate logged of the policy's warnings: lines, and the count they report.
        const lint = service.logs.filter((entry) => entry.event === "policy_lint");
        runs.lint.push(`${lint.length} line${lint.length === 1 ? "" : "s"} for ${lint[0]?.count ?? 0} warnings`);
      } finally {
        await service.stop();
      }
    }
    const first = median(runs.first);
    const warm = median(runs.warm);
    const grown = median(runs.grown);
    ready[item.name] = median(runs.ready);
    record(
      "7. cold start",
      `${item.name}: first /token`,
      `${fmt(first)} ms`,
      `warm ${fmt(warm)} ms; over warm ${fmt(first - warm)} ms, ${fmt(first / warm)} ×; first spread ${spread(runs.first)} ms; lint logged: ${[...new Set(runs.lint)].join(" / ")}`,
      item.target?.(warm),
    );
    if (!Number.isNaN(grown)) {
      record(
        "7. cold start",
        `${item.name}: memory growth over the first /token`,
        `${fmt(grown)} MB`,
        `spread ${spread(runs.grown)} MB`,
      );
    }
    record("7. cold start", `${item.name}: bundle`, upload.replace("Total Upload: ", "") || "n/a");
  }
  const startup = ready["10,000 rules"] - ready["example policy"];
  record(
    "7. cold start",
    "module start-up: 10,000-rule bundle − example bundle, spawn to ready",
    `${fmt(startup)} ms`,
    `example ${fmt(ready["example policy"])} ms, 10,000 rules ${fmt(ready["10,000 rules"])} ms (a whole workerd start each)`,
    "Workers' start-up limit: 1 s",
  );
}

/** The "Load" section `npm run load` wrote, kept when `npm run bench` rewrites the file. */
function loadSection() {
  try {
    const text = readFileSync("bench/RESULTS.md", "utf8");
    const at = text.indexOf(LOAD_HEADING);
    return at < 0 ? "" : `\n${text.slice(at).trimEnd()}\n`;
  } catch {
    return "";
  }
}

/**
 * The rows by section number, each section's rows in the order they were measured (sections 4
 * and 6 are measured during section 2's worker). A row recorded twice is a bench bug: refused,
 * so RESULTS.md never shows a figure twice.
 */
function inSectionOrder(rows) {
  const seen = new Set();
  for (const row of rows) {
    const key = `${row.section}\n${row.figure}`;
    if (seen.has(key)) throw new Error(`bench: "${row.figure}" recorded twice in section ${row.section}`);
    seen.add(key);
  }
  return [...rows].sort((a, b) => Number.parseInt(a.section, 10) - Number.parseInt(b.section, 10));
}

function writeResults() {
  const commit = (() => {
    try {
      return readFileSync(".git/HEAD", "utf8").startsWith("ref:")
        ? readFileSync(`.git/${readFileSync(".git/HEAD", "utf8").slice(5).trim()}`, "utf8")
            .trim()
            .slice(0, 12)
        : readFileSync(".git/HEAD", "utf8").trim().slice(0, 12);
    } catch {
      return "unknown";
    }
  })();
  const lines = [
    "# Benchmark results",
    "",
    `Written by \`npm run bench${quick ? " -- --quick" : ""}\` on ${new Date().toISOString()}, commit \`${commit}\`.`,
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Linux ${os.release()}, Node ${process.version}.`,
    "Figures are medians of the rounds shown, with their spread (min–max); every ratio compares two figures measured in this same run.",
    "",
    "| section | figure | value | detail | target |",
    "|---|---|---|---|---|",
    ...inSectionOrder(results).map(
      (r) => `| ${r.section} | ${r.figure} | ${r.value} | ${r.detail ?? ""} | ${r.target ?? ""} |`,
    ),
    "",
    "How: (1) a worker loops N exchanges inside one request, timed from outside as time(N+20) − time(20), floor and",
    "downscope interleaved (workerd's clock stands still while code runs without I/O). (2) autocannon on loopback",
    "against the bundled service and a floor worker, both served by workerd through Miniflare, alternating.",
    "(3) the policy modules in Node. (4) the isolate's JWKS fetches, counted by an injected fetch; the flood uses the",
    "service's JWKS cache with a simulated clock. (5) wall time from spawn. (6) VmRSS of the workerd process.",
    "(7) a fresh workerd per sample serving the bundled Worker with the policy artifact `downscope policy build` made;",
    "after a 404 (which loads no policy), the first POST /token, then warm ones, each timed from outside; memory is the",
    "workerd process's VmRSS growth over that first /token; start-up is spawn-to-ready against the example's bundle.",
    "",
  ];
  writeFileSync("bench/RESULTS.md", lines.join("\n") + loadSection());
  log("wrote bench/RESULTS.md");
}

await main();
