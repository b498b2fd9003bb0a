import { exportJWK, generateKeyPair } from "jose";
import { describe, expect, it } from "vitest";
import type { TrustedIssuer } from "../../policy/types";
import { JwksCache, KeyLookupFailed } from "../../worker/oidc/jwks-cache";

const issuer: TrustedIssuer = { issuer: "https://ghe.example.com", jwksUri: "https://ghe.example.com/keys" };

async function publicKey(kid: string) {
  const { publicKey } = await generateKeyPair("RS256", { extractable: true });
  return { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };
}

/** A fake issuer endpoint whose answer the test can change, counting requests. */
function issuerEndpoint(initial: () => Response) {
  const state = { answer: initial, requests: 0, init: [] as (RequestInit | undefined)[] };
  const fetcher: typeof fetch = async (_input, init) => {
    state.requests++;
    state.init.push(init);
    return state.answer();
  };
  return { state, fetcher };
}

async function lookup(cache: JwksCache, kid: string) {
  try {
    await cache.key(issuer, kid);
    return "found";
  } catch (error) {
    if (error instanceof KeyLookupFailed) return error.code;
    throw error;
  }
}

describe("JWKS cache", () => {
  it("fetches once, then serves from cache", async () => {
    const k1 = await publicKey("k1");
    const { state, fetcher } = issuerEndpoint(() => Response.json({ keys: [k1] }));
    const clock = 1_000_000;
    const cache = new JwksCache({ fetch: fetcher, now: () => clock });
    for (let i = 0; i < 100; i++) expect(await lookup(cache, "k1")).toBe("found");
    expect(state.requests).toBe(1);
    expect(state.init[0]).toMatchObject({ redirect: "manual" });
    expect(state.init[0]?.signal).toBeInstanceOf(AbortSignal);
  });

  it("shares one fetch among concurrent lookups", async () => {
    const k1 = await publicKey("k1");
    const { state, fetcher } = issuerEndpoint(() => Response.json({ keys: [k1] }));
    const cache = new JwksCache({ fetch: fetcher, now: () => 0 });
    const results = await Promise.all(Array.from({ length: 20 }, () => lookup(cache, "k1")));
    expect(results.every((result) => result === "found")).toBe(true);
    expect(state.requests).toBe(1);
  });

  it("refetches for an unknown kid at most once per cooldown, and picks up rotated keys", async () => {
    const [k1, k2] = [await publicKey("k1"), await publicKey("k2")];
    const { state, fetcher } = issuerEndpoint(() => Response.json({ keys: [k1] }));
    let clock = 0;
    const cache = new JwksCache({ fetch: fetcher, now: () => clock, cooldownMs: 60_000 });
    expect(await lookup(cache, "k1")).toBe("found");
    state.answer = () => Response.json({ keys: [k1, k2] });
    for (let i = 0; i < 50; i++) expect(await lookup(cache, `nope-${i}`)).toBe("unknown_key");
    expect(await lookup(cache, "k2")).toBe("unknown_key");
    expect(state.requests).toBe(1);
    clock += 60_000;
    expect(await lookup(cache, "k2")).toBe("found");
    expect(state.requests).toBe(2);
    for (let i = 0; i < 50; i++) expect(await lookup(cache, `again-${i}`)).toBe("unknown_key");
    expect(state.requests).toBe(2);
  });

  it("keeps serving cached keys while the issuer is down, and refreshes when it is back", async () => {
    const k1 = await publicKey("k1");
    const { state, fetcher } = issuerEndpoint(() => Response.json({ keys: [k1] }));
    let clock = 0;
    const logs: Record<string, unknown>[] = [];
    const cache = new JwksCache({
      fetch: fetcher,
      now: () => clock,
      refreshAfterMs: 600_000,
      log: (r) => logs.push(r),
    });
    expect(await lookup(cache, "k1")).toBe("found");
    state.answer = () => {
      throw new TypeError("network down");
    };
    clock += 3_600_000;
    expect(await lookup(cache, "k1")).toBe("found");
    expect(logs.at(-1)).toMatchObject({ event: "jwks_fetch_failed", reason: "network down", cached_keys: 1 });
    state.answer = () => new Response("busy", { status: 503 });
    clock += 3_600_000;
    expect(await lookup(cache, "k1")).toBe("found");
    state.answer = () => Response.json({ keys: [k1] });
    clock += 3_600_000;
    expect(await lookup(cache, "k1")).toBe("found");
    expect(state.requests).toBe(4);
    expect(JSON.stringify(logs)).not.toMatch(/"n":/);
  });

  it("serves known keys for a bounded time while the issuer is down; an unknown kid then is unavailable, not invalid", async () => {
    const [k1, k2] = [await publicKey("k1"), await publicKey("k2")];
    const { state, fetcher } = issuerEndpoint(() => Response.json({ keys: [k1, k2] }));
    let clock = 0;
    const cache = new JwksCache({ fetch: fetcher, now: () => clock, maxStaleMs: 24 * 3_600_000 });
    expect(await lookup(cache, "k1")).toBe("found");
    state.answer = () => new Response("down", { status: 502 });
    clock += 20 * 3_600_000;
    expect(await lookup(cache, "k1")).toBe("found");
    // A kid nobody can check now: 503 (retry later), never "the token is invalid".
    expect(await lookup(cache, "k3")).toBe("issuer_unavailable");
    clock += 5 * 3_600_000; // 25 h after the last success
    expect(await lookup(cache, "k1")).toBe("issuer_unavailable");
    expect(await lookup(cache, "k1")).toBe("issuer_unavailable"); // within the cooldown too
    // Back, having dropped k1: k1 is refused from then on, k2 still verifies.
    state.answer = () => Response.json({ keys: [k2] });
    clock += 60_000;
    expect(await lookup(cache, "k2")).toBe("found");
    expect(await lookup(cache, "k1")).toBe("unknown_key");
    // A per-call bound (the service's setting) wins over the cache's default.
    state.answer = () => new Response("down", { status: 502 });
    clock += 700_000;
    await expect(cache.key(issuer, "k2", 600_000)).rejects.toMatchObject({ code: "issuer_unavailable" });
  });

  it("reports the issuer unavailable when nothing is cached", async () => {
    for (const answer of [
      () => new Response("no", { status: 500 }),
      () => new Response(null, { status: 302, headers: { location: "https://evil.example/keys" } }),
      () => new Response("not json"),
      () => Response.json({ keys: "nope" }),
      () => Response.json({ keys: [{ kty: "EC", crv: "P-256", x: "x", y: "y", kid: "ec" }] }),
    ]) {
      const { fetcher } = issuerEndpoint(answer);
      const cache = new JwksCache({ fetch: fetcher, now: () => 0 });
      expect(await lookup(cache, "k1")).toBe("issuer_unavailable");
    }
  });

  it("caps the response size while reading it", async () => {
    const k1 = await publicKey("k1");
    const padding = "x".repeat(70 * 1024);
    const { fetcher } = issuerEndpoint(() => Response.json({ keys: [k1], padding }));
    const cache = new JwksCache({ fetch: fetcher, now: () => 0, maxBytes: 64 * 1024 });
    expect(await lookup(cache, "k1")).toBe("issuer_unavailable");
    // A body that never ends is cut off at the cap, not read to the end.
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(16 * 1024));
      },
    });
    const stream = new JwksCache({ fetch: async () => new Response(endless), now: () => 0 });
    expect(await lookup(stream, "k1")).toBe("issuer_unavailable");
    expect(pulled).toBeLessThan(10);
  });

  it("gives up on a slow issuer after the timeout", async () => {
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener("abort", () => reject(new Error("aborted"))));
    const cache = new JwksCache({ fetch: hanging, now: () => 0, timeoutMs: 50 });
    expect(await lookup(cache, "k1")).toBe("issuer_unavailable");
  });

  it("imports only RS256 signing keys and their public members", async () => {
    const k1 = await publicKey("k1");
    const { fetcher } = issuerEndpoint(() =>
      Response.json({
        keys: [
          { ...k1, kid: "enc", use: "enc" },
          { ...k1, kid: "ps", alg: "PS256" },
          { kty: "RSA", kid: "broken", n: "!!", e: "AQAB" },
          { ...k1, kid: "good", d: "ignored-private-member" },
        ],
      }),
    );
    const cache = new JwksCache({ fetch: fetcher, now: () => 0 });
    expect(await lookup(cache, "enc")).toBe("unknown_key");
    expect(await lookup(cache, "ps")).toBe("unknown_key");
    expect(await lookup(cache, "broken")).toBe("unknown_key");
    expect(await lookup(cache, "good")).toBe("found");
  });

  it("uses inline keys without fetching", async () => {
    const k1 = await publicKey("k1");
    const cache = new JwksCache({
      fetch: async () => {
        throw new Error("must not fetch");
      },
      now: () => 0,
    });
    const inline: TrustedIssuer = { issuer: "https://ghes.example", jwks: { keys: [k1] } };
    await expect(cache.key(inline, "k1")).resolves.toBeDefined();
    await expect(cache.key(inline, "k2")).rejects.toMatchObject({ code: "unknown_key" });
  });
});
