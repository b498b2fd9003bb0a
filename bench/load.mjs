// `npm run load`: the token service under bursts, replays, sustained load and issuer faults, on
// loopback only, against the Worker as `wrangler deploy` bundles it, served by workerd. Every
// loop is bounded in count and time and stops by itself. The figures replace the "Load and
// faults" section of bench/RESULTS.md. `--quick` shortens the sustained run (for a look, not
// for the record); `--only <part>` runs one part (bursts, sustained, faults, rotation) and writes
// nothing. Takes about eight minutes, four of them waiting out the JWKS cooldown.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import os from "node:os";
import { decodeJwt, exportJWK, generateKeyPair, SignJWT } from "jose";
import { githubClaims } from "../scripts/fake-github.mjs";
import { freePort, postTokenExchange, serveWorker, startLocalService } from "../scripts/local-service.mjs";
import { writeLoadSection } from "./load-results.mjs";
import { rssKb, workerdChildren } from "./process-memory.mjs";

const quick = process.argv.includes("--quick");
/** `--only bursts|sustained|faults|rotation`: one part, printed, bench/RESULTS.md left as it was. */
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;
const wants = (part) => only === undefined || only === part;
const SUSTAINED_SECONDS = quick ? 30 : 180;
const SUSTAINED_RATE = 40; // exchanges per second
// workerd under Miniflare grows with requests until about 20,000 whatever the Worker serves (an
// idle Worker: 87 MiB at 200 requests, 490 MiB at 20,000, then flat to 40,000), so the steady run
// starts after a warm-up past that point; otherwise it measures the harness filling up.
const WARMUP_EXCHANGES = quick ? 2_000 : 24_000;
const ISSUER_URL = "https://ghes.load.example/_services/token";
const rows = [];
const log = (text) => process.stderr.write(`load: ${text}\n`);
const record = (figure, value, detail, target) => {
  rows.push({ figure, value, detail, target });
  log(`${figure}: ${value}${detail ? ` (${detail})` : ""}${target ? ` [${target}]` : ""}`);
};
const percentile = (values, p) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];
const ms = (value) => `${value.toFixed(value >= 100 ? 0 : 1)} ms`;

/**
 * The issuer's JWKS on loopback, whose behaviour each fault sets: up, down (503), slow, hanging,
 * with the keys it publishes; counts its fetches.
 */
async function startIssuer(keys) {
  const issuer = { mode: "up", keys, fetches: 0, delayMs: 0 };
  const server = createServer((_request, response) => {
    issuer.fetches++;
    if (issuer.mode === "hang") return; // never answers; the service's timeout must end it
    const answer = () => {
      if (issuer.mode === "down") return response.writeHead(503).end("down");
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: issuer.keys }));
    };
    if (issuer.mode === "slow") setTimeout(answer, issuer.delayMs);
    else answer();
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  issuer.url = `http://127.0.0.1:${server.address().port}/jwks`;
  issuer.stop = () => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  };
  return issuer;
}

async function issuerKey(kid) {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" } };
}

const policy = (jwksUri) => `
version: 1
github_com: false
issuers:
  - issuer: ${ISSUER_URL}
    jwks_uri: ${jwksUri}
environments:
  staging:
    issuer: ${ISSUER_URL}
    scopes: [deploy:write]
    max_ttl: 1h
    rules:
      - { name: web, repository: acme/web, repository_id: 123456, ref: refs/heads/main, environment: staging }
`;

async function tokens(key, count, audience, overrides = () => ({})) {
  const made = [];
  for (let i = 0; i < count; i++) {
    made.push(
      await new SignJWT(githubClaims({ aud: audience, iss: ISSUER_URL, ...overrides(i) }))
        .setProtectedHeader({ alg: "RS256", typ: "JWT", kid: key.kid })
        .sign(key.privateKey),
    );
  }
  return made;
}

/** Sends every token at once; statuses, latencies, Retry-After presence and the minted jtis. */
async function burst(service, subjectTokens) {
  const started = performance.now();
  const answers = await Promise.all(
    subjectTokens.map(async (token) => {
      const sent = performance.now();
      try {
        const response = await postTokenExchange(service.url, token);
        const body = await response.json().catch(() => ({}));
        return {
          token,
          status: response.status,
          retryAfter: response.headers.get("retry-after"),
          minted: typeof body.access_token === "string" ? decodeJwt(body.access_token).jti : undefined,
          ms: performance.now() - sent,
        };
      } catch (error) {
        return { token, status: `network: ${error.cause?.code ?? error.message}`, ms: performance.now() - sent };
      }
    }),
  );
  const wall = performance.now() - started;
  const byStatus = {};
  for (const answer of answers) byStatus[answer.status] = (byStatus[answer.status] ?? 0) + 1;
  const minted = answers.filter((answer) => answer.minted);
  const perSubject = new Map();
  for (const answer of minted) perSubject.set(answer.token, (perSubject.get(answer.token) ?? 0) + 1);
  const duplicates =
    [...perSubject.values()].filter((count) => count > 1).length +
    (minted.length - new Set(minted.map((a) => a.minted)).size);
  const acceptable = answers.filter(
    (answer) => answer.status === 200 || ((answer.status === 429 || answer.status === 503) && answer.retryAfter),
  ).length;
  return { answers, wall, byStatus, minted: minted.length, duplicates, acceptable, perSubject };
}

const statuses = (byStatus) =>
  Object.entries(byStatus)
    .map(([status, count]) => `${status}: ${count}`)
    .join(", ");

async function bursts(key) {
  const issuer = await startIssuer([key.publicJwk]);
  const service = await startLocalService({
    policy: policy(issuer.url),
    signingKeys: [await signingKey("load-1")],
    network: toIssuer(issuer),
  });
  try {
    await postTokenExchange(service.url, (await tokens(key, 1, service.url))[0]); // warm: keys fetched, isolate up
    for (const size of [256, 1000]) {
      const result = await burst(service, await tokens(key, size, service.url));
      const latencies = result.answers.map((answer) => answer.ms);
      record(
        `burst of ${size} distinct exchanges at once`,
        `${((size / result.wall) * 1000).toFixed(0)} exchanges/s`,
        `p50 ${ms(percentile(latencies, 0.5))}, p99 ${ms(percentile(latencies, 0.99))}; ${statuses(result.byStatus)}; minted ${result.minted}, duplicates ${result.duplicates}`,
        size === 256
          ? "≥ 99 % tokens, the rest 429/503 with Retry-After, 0 duplicates"
          : "only tokens or 429/503 with Retry-After, 0 duplicates",
      );
      record(
        `burst of ${size}: answers that are a token or 429/503 with Retry-After`,
        `${((result.acceptable / size) * 100).toFixed(1)} %`,
        "",
        "100 %",
      );
    }
    // Replay storms: 50 tokens, each sent 20 times at once.
    const storm = await tokens(key, 50, service.url);
    const result = await burst(
      service,
      storm.flatMap((token) => Array.from({ length: 20 }, () => token)),
    );
    const once = storm.filter((token) => result.perSubject.get(token) === 1).length;
    record(
      "replay storm: 50 tokens × 20 copies at once",
      `${once} of 50 exchanged exactly once`,
      `${statuses(result.byStatus)}; minted ${result.minted}, duplicates ${result.duplicates}`,
      "50 of 50, 0 duplicates",
    );
  } finally {
    await service.stop();
    await issuer.stop();
  }
}

/**
 * `count` requests as fast as 8 connections allow, the warm-up before a steady run; `batchOf(n)`
 * gives the next n subject tokens (fresh ones for the service, any for the idle Worker).
 */
async function warmUp(url, count, batchOf) {
  let next = 0;
  const connection = async (subjectTokens) => {
    for (const token of subjectTokens) {
      const response = await postTokenExchange(url, token).catch(() => undefined);
      await response?.arrayBuffer();
    }
  };
  // Signed in batches so that none expires (GitHub's five minutes) before it is sent.
  while (next < count) {
    const batch = await batchOf(Math.min(4_000, count - next));
    next += batch.length;
    await Promise.all(Array.from({ length: 8 }, (_, lane) => connection(batch.filter((_, i) => i % 8 === lane))));
  }
}

/**
 * A steady rate of POST /token for `SUSTAINED_SECONDS` against `url`, with the serving workerd's
 * memory sampled every five seconds; the answers' statuses and latencies.
 */
async function steadyRun(url, pid, subjectTokens) {
  const total = subjectTokens.length;
  const samples = [];
  const latencies = [];
  const byStatus = {};
  const started = performance.now();
  let sent = 0;
  const inflight = new Set();
  if (pid) samples.push([0, rssKb(pid)]);
  while (sent < total && performance.now() - started < (SUSTAINED_SECONDS + 60) * 1000) {
    // A steady rate: the next send waits for its slot, never for the answers.
    const due = started + (sent / SUSTAINED_RATE) * 1000;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const token = subjectTokens[sent++];
    const t0 = performance.now();
    const request = postTokenExchange(url, token)
      .then(async (response) => {
        await response.arrayBuffer();
        byStatus[response.status] = (byStatus[response.status] ?? 0) + 1;
        latencies.push(performance.now() - t0);
      })
      .catch(() => {
        byStatus.network = (byStatus.network ?? 0) + 1;
      })
      .finally(() => inflight.delete(request));
    inflight.add(request);
    if (pid && sent % (SUSTAINED_RATE * 5) === 0) samples.push([sent, rssKb(pid)]);
  }
  await Promise.all(inflight);
  const start = samples[0]?.[1];
  const end = samples.at(-1)?.[1];
  const curve = samples
    .filter((_, index) => index % Math.max(1, Math.floor(samples.length / 6)) === 0 || index === samples.length - 1)
    .map(([count, kb]) => `${count}: ${(kb / 1024).toFixed(0)}`)
    .join(", ");
  return { wall: (performance.now() - started) / 1000, latencies, byStatus, start, end, curve };
}

/**
 * An idle Worker served the same way (it answers every request with a constant): what the
 * serving harness itself costs in memory per request, to tell downscope's share from it.
 */
async function idleWorker() {
  mkdirSync(".build/load", { recursive: true });
  const scriptPath = ".build/load/idle-worker.js";
  writeFileSync(
    scriptPath,
    'import { DurableObject } from "cloudflare:workers";\nexport class TokenState extends DurableObject {}\nexport default { async fetch(request) { await request.arrayBuffer(); return Response.json({ error: "idle" }, { status: 400 }); } };\n',
  );
  const before = new Set(workerdChildren());
  const worker = await serveWorker({ scriptPath, bindings: {} });
  return { ...worker, pid: workerdChildren().find((candidate) => !before.has(candidate)) };
}

async function sustained(key) {
  const issuer = await startIssuer([key.publicJwk]);
  const before = new Set(workerdChildren());
  const service = await startLocalService({
    policy: policy(issuer.url),
    signingKeys: [await signingKey("load-2")],
    network: toIssuer(issuer),
  });
  const pid = workerdChildren().find((candidate) => !before.has(candidate));
  try {
    const total = SUSTAINED_SECONDS * SUSTAINED_RATE;
    log(`sustained: warming up with ${WARMUP_EXCHANGES} exchanges`);
    await warmUp(service.url, WARMUP_EXCHANGES, (count) => tokens(key, count, service.url));
    log(`sustained: signing ${total} tokens`);
    const subjectTokens = await tokens(key, total, service.url);
    const run = await steadyRun(service.url, pid, subjectTokens);
    record(
      `sustained: ${SUSTAINED_RATE} exchanges/s for ${SUSTAINED_SECONDS} s`,
      `${(total / run.wall).toFixed(1)} exchanges/s`,
      `p50 ${ms(percentile(run.latencies, 0.5))}, p99 ${ms(percentile(run.latencies, 0.99))}; ${statuses(run.byStatus)}`,
      "all 200",
    );
    const idle = await idleWorker();
    await warmUp(idle.url, WARMUP_EXCHANGES, async (count) => subjectTokens.slice(0, count));
    const baseline = await steadyRun(idle.url, idle.pid, subjectTokens);
    await idle.stop();
    if (run.start && run.end && baseline.start && baseline.end) {
      const growth = (figures) => ((figures.end - figures.start) / figures.start) * 100;
      const perRequest = (figures) => ((figures.end - figures.start) / total).toFixed(2);
      record(
        "sustained: workerd memory, start → end of the steady run",
        `${(run.start / 1024).toFixed(0)} → ${(run.end / 1024).toFixed(0)} MiB (${growth(run).toFixed(1)} %, ${perRequest(run)} KiB per exchange)`,
        `MiB by exchanges sent: ${run.curve}; after a warm-up of ${WARMUP_EXCHANGES} exchanges`,
        "within 10 %",
      );
      record(
        "sustained: the same harness serving an idle Worker, same warm-up and requests",
        `${(baseline.start / 1024).toFixed(0)} → ${(baseline.end / 1024).toFixed(0)} MiB (${growth(baseline).toFixed(1)} %, ${perRequest(baseline)} KiB per request)`,
        `MiB by requests sent: ${baseline.curve}: what workerd under Miniflare does by itself`,
        "(baseline)",
      );
    }
  } finally {
    await service.stop();
    await issuer.stop();
  }
}

/** The Worker's only network: the issuer's JWKS on loopback, over real HTTP. */
const toIssuer = (issuer) => async (request) => {
  if (!request.url.startsWith(issuer.url)) return new Response("no network here", { status: 599 });
  const response = await fetch(request.url, { headers: request.headers, redirect: "manual" });
  return new Response(await response.arrayBuffer(), { status: response.status, headers: response.headers });
};

/** A fresh service (a fresh isolate, an empty key cache) per fault, its issuer as the fault says. */
async function issuerFaults(key) {
  const fresh = async (keys) => {
    const issuer = await startIssuer(keys);
    const service = await startLocalService({
      policy: policy(issuer.url),
      signingKeys: [await signingKey("load-f")],
      network: toIssuer(issuer),
    });
    const stop = async () => {
      await service.stop();
      await issuer.stop();
    };
    return { issuer, service, stop };
  };
  const exchangeOne = async (service, token) => {
    const t0 = performance.now();
    const response = await postTokenExchange(service.url, token);
    await response.arrayBuffer();
    return { status: response.status, retryAfter: response.headers.get("retry-after"), ms: performance.now() - t0 };
  };

  // Down from the start: nothing known, so 503 with Retry-After.
  {
    const { issuer, service, stop } = await fresh([key.publicJwk]);
    issuer.mode = "down";
    const answer = await exchangeOne(service, (await tokens(key, 1, service.url))[0]);
    record(
      "issuer down, keys never fetched",
      `HTTP ${answer.status}`,
      `Retry-After ${answer.retryAfter}; JWKS fetches ${issuer.fetches}`,
      "503 with Retry-After",
    );
    // Back up: keys fetched. Then down again: a kid nobody can check is 503, known keys still verify.
    const cooldown = () => new Promise((resolve) => setTimeout(resolve, 61_000));
    issuer.mode = "up";
    await cooldown();
    await exchangeOne(service, (await tokens(key, 1, service.url))[0]);
    issuer.mode = "down";
    await cooldown();
    const unknown = await exchangeOne(
      service,
      (await tokens({ ...key, kid: "rotated-in-while-down" }, 1, service.url))[0],
    );
    record(
      "issuer down, a kid not yet known",
      `HTTP ${unknown.status}`,
      `Retry-After ${unknown.retryAfter}: nobody can tell yet whether it is valid`,
      "503 with Retry-After",
    );
    const known = await exchangeOne(service, (await tokens(key, 1, service.url))[0]);
    record(
      "issuer down, keys known",
      `HTTP ${known.status}`,
      "served from the cache, within DOWNSCOPE_ISSUER_KEYS_MAX_STALE (24 h)",
      "200",
    );
    await stop();
  }
  // Slow: answers after 2 s.
  {
    const { issuer, service, stop } = await fresh([key.publicJwk]);
    issuer.mode = "slow";
    issuer.delayMs = 2000;
    const answer = await exchangeOne(service, (await tokens(key, 1, service.url))[0]);
    record(
      "issuer slow (2 s), first exchange",
      `HTTP ${answer.status} in ${ms(answer.ms)}`,
      `JWKS fetches ${issuer.fetches}`,
      "200",
    );
    await stop();
  }
  // Hanging: never answers.
  {
    const { issuer, service, stop } = await fresh([key.publicJwk]);
    issuer.mode = "hang";
    const answer = await exchangeOne(service, (await tokens(key, 1, service.url))[0]);
    record(
      "issuer hanging, first exchange",
      `HTTP ${answer.status} in ${ms(answer.ms)}`,
      `Retry-After ${answer.retryAfter}`,
      "503 within 6 s",
    );
    await stop();
  }
  // Rotating: a new key appears; tokens it signs are accepted after one refetch.
  {
    const next = await issuerKey("rotated-in");
    const { issuer, service, stop } = await fresh([key.publicJwk]);
    await exchangeOne(service, (await tokens(key, 1, service.url))[0]);
    await new Promise((resolve) => setTimeout(resolve, 61_000)); // the cooldown since the first fetch
    issuer.keys = [key.publicJwk, next.publicJwk];
    const before = issuer.fetches;
    const rotated = await Promise.all(
      (await tokens(next, 20, service.url)).map((token) => exchangeOne(service, token)),
    );
    record(
      "issuer rotating: 20 tokens by a new key",
      `${rotated.filter((answer) => answer.status === 200).length} of 20 exchanged`,
      `JWKS fetches for them: ${issuer.fetches - before}`,
      "20 of 20, 1 fetch",
    );
    await stop();
  }
  // Flooding unknown kids: one fetch per cooldown per isolate, whatever the flood.
  {
    const { issuer, service, stop } = await fresh([key.publicJwk]);
    await exchangeOne(service, (await tokens(key, 1, service.url))[0]);
    await new Promise((resolve) => setTimeout(resolve, 61_000));
    const before = issuer.fetches;
    const forged = [];
    for (let i = 0; i < 500; i++) forged.push({ ...key, kid: `made-up-${i}` });
    const flood = await Promise.all(
      (await Promise.all(forged.map((forger) => tokens(forger, 1, service.url))))
        .flat()
        .map((token) => exchangeOne(service, token)),
    );
    const byStatus = {};
    for (const answer of flood) byStatus[answer.status] = (byStatus[answer.status] ?? 0) + 1;
    record(
      "issuer flooded with 500 unknown kids",
      `${issuer.fetches - before} JWKS fetch(es)`,
      `within one 60 s cooldown; answers ${statuses(byStatus)}`,
      "1 fetch per cooldown per isolate",
    );
    await stop();
  }
}

/** A warm downscope/verify keeps verifying while the service's signing key rotates. */
async function signingKeyRotation(key) {
  // The verifier as users install it (dist/, committed and checked fresh by `npm test`).
  const { createAccessTokenVerifier } = await import("../dist/verify/index.js");
  const issuer = await startIssuer([key.publicJwk]);
  const port = await freePort();
  const k1 = await signingKey("rot-1");
  const k2 = await signingKey("rot-2");
  let service = await startLocalService({
    policy: policy(issuer.url),
    signingKeys: [k1],
    port,
    network: toIssuer(issuer),
  });
  const verifier = createAccessTokenVerifier({ issuer: service.url, audience: "staging", jwksCooldownMs: 0 });
  let verified = 0;
  let failures = 0;
  const round = async (count) => {
    for (const token of await tokens(key, count, service.url)) {
      const response = await postTokenExchange(service.url, token);
      const body = await response.json();
      try {
        await verifier.verify(body.access_token);
        verified++;
      } catch {
        failures++;
      }
    }
  };
  try {
    await round(50);
    // The rotation, as `keys rotate` makes it: the new key first, the old one kept.
    await service.stop();
    service = await startLocalService({
      policy: policy(issuer.url),
      signingKeys: [k2, k1],
      port,
      network: toIssuer(issuer),
    });
    await round(50);
    record(
      "signing-key rotation under a warm downscope/verify",
      `${failures} failures`,
      `${verified} tokens verified, 50 by each key`,
      "0 failures",
    );
  } finally {
    await service.stop();
    await issuer.stop();
  }
}

async function signingKey(kid) {
  const { privateKey } = await generateKeyPair("ES256", { extractable: true });
  return { ...(await exportJWK(privateKey)), alg: "ES256", kid };
}

async function main() {
  const started = Date.now();
  const key = await issuerKey("load-issuer");
  if (wants("bursts")) await bursts(key);
  if (wants("sustained")) await sustained(key);
  if (wants("faults")) await issuerFaults(key);
  if (wants("rotation")) await signingKeyRotation(key);
  if (only) {
    log("--only: bench/RESULTS.md left as it was");
    return;
  }
  const commit = execFileSync("git", ["rev-parse", "--short=12", "HEAD"]).toString().trim();
  writeLoadSection(
    rows,
    [
      `Written by \`npm run load${quick ? " -- --quick" : ""}\` on ${new Date().toISOString()}, commit \`${commit}\`, in ${((Date.now() - started) / 60_000).toFixed(1)} min.`,
      `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}.`,
    ],
    [
      "How: the Worker as `wrangler deploy` bundles it, served by workerd (Miniflare) on a loopback port, with no",
      "network but an issuer's JWKS on another loopback port whose behaviour each fault sets; GitHub-shaped tokens",
      "signed here. Bursts are one `Promise.all` of distinct tokens from this process; duplicates count subject tokens",
      "exchanged more than once and repeated token ids. Memory is the workerd process's VmRSS. Each issuer fault",
      "starts a fresh service (an empty key cache). The rotation restarts the service on the same port with the new",
      "key first and the old one kept, while one verifier (downscope/verify, remote JWKS) verifies every token.",
    ],
  );
  log("wrote the load section of bench/RESULTS.md");
}

await main();
