import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import Ajv2020 from "ajv/dist/2020.js";
import { calculateJwkThumbprint, decodeProtectedHeader, generateKeyPair, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { policyJsonSchema } from "../../cli/json-schema";
import { ROTATION_ADVICE } from "../../cli/keys";
import { importSigningKeys } from "../../protocol/signing-keys";
import { cli } from "../support/cli-io";

describe("keys generate", () => {
  for (const alg of ["ES256", "EdDSA", "RS256"]) {
    it(`makes an ${alg} key the service accepts, with its thumbprint as kid`, async () => {
      const result = await cli(["keys", "generate", "--alg", alg]);
      expect(result.code).toBe(0);
      const keys = JSON.parse(result.out) as Record<string, string>[];
      expect(keys).toHaveLength(1);
      expect(keys[0]).toMatchObject({ alg, kid: expect.any(String), d: expect.any(String) });
      const set = await importSigningKeys(result.out);
      expect(set.active.kid).toBe(keys[0].kid);
      expect(await calculateJwkThumbprint(set.active.publicJwk as never, "sha256")).toBe(keys[0].kid);
      expect(result.err).toContain(`kid: ${keys[0].kid}`);
      expect(result.err).toContain(JSON.stringify(set.jwks));
      expect(result.err).not.toContain(keys[0].d);
    });
  }

  it("prints one JSON object with --json, and refuses an unknown algorithm", async () => {
    const json = JSON.parse((await cli(["keys", "generate", "--json"])).out);
    expect(Object.keys(json)).toEqual(["kid", "signing_keys", "public_jwks"]);
    expect(json.public_jwks.keys[0]).not.toHaveProperty("d");
    expect(await cli(["keys", "generate", "--alg", "HS256"])).toMatchObject({
      code: 2,
      err: 'downscope: --alg must be one of ES256, EdDSA, RS256 (or a comma-separated list), not "HS256"\n',
    });
    expect((await cli(["keys", "generate", "--alg", "ES256,ES256"])).err).toContain("names an algorithm twice");
  });

  it("makes a set for access tokens and federation: ES256 first (access tokens), RS256 of 2048 bits", async () => {
    const result = await cli(["keys", "generate", "--alg", "ES256,RS256"]);
    expect(result.code).toBe(0);
    const keys = JSON.parse(result.out) as Record<string, string>[];
    expect(keys.map((key) => key.alg)).toEqual(["ES256", "RS256"]);
    expect(Buffer.from(keys[1].n, "base64url").byteLength * 8).toBe(2048);
    const set = await importSigningKeys(result.out);
    expect(set.active.alg).toBe("ES256");
    expect(set.first("RS256")?.kid).toBe(keys[1].kid);
  });
});

describe("keys generate and rotate --out", () => {
  it("write the keys to a file only its owner reads, print none of them, and say what to do next", async () => {
    const secrets = new Set<string>();
    const written: Record<string, string> = {};
    const result = await cli(["keys", "generate", "--out", "signing-keys.json"], {}, { secrets, written });
    expect(result.code).toBe(0);
    expect(result.out).toBe("");
    expect(secrets).toEqual(new Set(["signing-keys.json"]));
    const [key] = JSON.parse(written["signing-keys.json"] ?? "[]");
    expect(result.err).not.toContain(key.d);
    expect(result.err).toContain("npx wrangler secret put DOWNSCOPE_SIGNING_KEYS --env <name> < signing-keys.json");
    const rotated = await cli(["keys", "rotate", "--current", "signing-keys.json", "--out", "next.json"], written, {
      secrets,
      written,
    });
    expect(rotated.code).toBe(0);
    expect(JSON.parse(written["next.json"] ?? "[]")[1]).toEqual(key);
  });

  it("refuse a path git would track, and --json with --out, before making any key", async () => {
    const written: Record<string, string> = {};
    const tracked = await cli(["keys", "generate", "--out", "keys.json"], {}, { gitTracks: () => true, written });
    expect(tracked.code).toBe(1);
    expect(tracked.err).toMatch(/refusing to write private keys to "keys\.json": git would track it/);
    expect(written).toEqual({});
    const rotate = await cli(["keys", "rotate", "--current", "-", "--out", "keys.json"], {}, { gitTracks: () => true });
    expect(rotate.code).toBe(1);
    expect((await cli(["keys", "generate", "--out", "k.json", "--json"])).err).toMatch(/with --out, leave it out/);
    expect((await cli(["keys", "generate", "--out", "-"])).err).toMatch(/--out takes a file name/);
  });

  it("warn that a secret is on screen only when stdout is a terminal", async () => {
    expect((await cli(["keys", "generate"], {}, { terminal: true })).err).toMatch(/now on your screen/);
    const piped = await cli(["keys", "generate"]);
    expect(piped.err).not.toMatch(/is a secret|on your screen/);
    expect(piped.err).toContain("| npx wrangler secret put DOWNSCOPE_SIGNING_KEYS --env <name>");
  });
});

describe("keys rotate", () => {
  it("puts a new key first and keeps the current signing key, with the timing advice", async () => {
    const current = (await cli(["keys", "generate"])).out;
    const old = JSON.parse(current)[0];
    const result = await cli(["keys", "rotate", "--current", "-"], {}, { stdin: current });
    expect(result.code).toBe(0);
    const next = JSON.parse(result.out);
    expect(next).toHaveLength(2);
    expect(next[1]).toEqual(old);
    expect(next[0].kid).not.toBe(old.kid);
    expect(result.err).toContain(ROTATION_ADVICE);
    const set = await importSigningKeys(result.out);
    expect(set.jwks.keys.map((key) => key.kid)).toEqual([next[0].kid, old.kid]);
  });

  it("rotates one algorithm of a mixed set, keeps the others, and stays within one secret", async () => {
    const current = (await cli(["keys", "generate", "--alg", "ES256,RS256"])).out;
    const [es, rs] = JSON.parse(current);
    const rsa = await cli(["keys", "rotate", "--current", "-", "--alg", "RS256"], {}, { stdin: current });
    const afterRsa = JSON.parse(rsa.out);
    // ES256 still signs access tokens; the new RSA key signs oidc tokens, the old one verifies.
    expect(afterRsa.map((key: { kid: string }) => key.kid)).toEqual([es.kid, afterRsa[1].kid, rs.kid]);
    expect(afterRsa[1].alg).toBe("RS256");
    const ec = await cli(["keys", "rotate", "--current", "-", "--alg", "ES256"], {}, { stdin: rsa.out });
    const afterEc = JSON.parse(ec.out);
    expect(afterEc.map((key: { alg: string }) => key.alg)).toEqual(["ES256", "ES256", "RS256", "RS256"]);
    expect(afterEc[1].kid).toBe(es.kid);
    // Two keys of each algorithm during a rotation: within the 5,120 bytes of a secret.
    expect(Buffer.byteLength(JSON.stringify(afterEc))).toBeLessThanOrEqual(5_120);
    // A third RSA key would not fit: refused before it reaches wrangler.
    const big = [...afterEc, JSON.parse((await cli(["keys", "generate", "--alg", "RS256"])).out)[0]];
    const refused = await cli(["keys", "rotate", "--current", "k.json", "--alg", "EdDSA"], {
      "k.json": JSON.stringify([...big, JSON.parse((await cli(["keys", "generate", "--alg", "RS256"])).out)[0]]),
    });
    expect(refused).toMatchObject({ code: 1, out: "" });
    expect(refused.err).toMatch(/more than the 5,120 a Workers secret holds \(wrangler secret put would fail\)/);
  });

  it("drops keys older than the current one, and refuses invalid current keys", async () => {
    const a = JSON.parse((await cli(["keys", "generate"])).out)[0];
    const b = JSON.parse((await cli(["keys", "generate"])).out)[0];
    const result = await cli(["keys", "rotate", "--current", "k.json"], { "k.json": JSON.stringify([a, b]) });
    expect(JSON.parse(result.out)[1].kid).toBe(a.kid);
    expect(result.err).toContain("dropped 1 older key");
    const invalid = await cli(["keys", "rotate", "--current", "k.json"], { "k.json": '{"kty":"EC"}' });
    expect(invalid.code).toBe(1);
    expect(invalid.err).toMatch(/the current keys are not valid/);
  });
});

describe("token decode", () => {
  it("shows header, claims and expiry, and says it did not verify", async () => {
    const { privateKey } = await generateKeyPair("ES256");
    const exp = Date.parse("2026-11-24T10:09:00Z") / 1000;
    const token = await new SignJWT({ scope: "deploy:write", exp })
      .setProtectedHeader({ alg: "ES256", typ: "at+jwt", kid: "k1" })
      .sign(privateKey);
    const result = await cli(["token", "decode", token]);
    expect(result.code).toBe(0);
    expect(result.out.split("\n")[0]).toBe("Decoded only: the signature was NOT verified. Do not trust these claims.");
    expect(result.out).toContain('"kid": "k1"');
    expect(result.out).toContain('"scope": "deploy:write"');
    expect(result.out).toContain("expires in 9 min (2026-11-24T10:09:00.000Z)");
    const expired = await new SignJWT({ exp: exp - 3 * 3600 }).setProtectedHeader({ alg: "ES256" }).sign(privateKey);
    expect((await cli(["token", "decode", expired])).out).toContain("expired 3 h ago");
    const json = JSON.parse((await cli(["token", "decode", "--json", "-"], {}, { stdin: `${token}\n` })).out);
    expect(json).toMatchObject({
      verified: false,
      header: decodeProtectedHeader(token),
      claims: { scope: "deploy:write" },
    });
  });

  it("refuses what is not a JWT", async () => {
    expect(await cli(["token", "decode", "hello"])).toMatchObject({ code: 1, err: expect.stringMatching(/not a JWT/) });
  });
});

describe("the policy JSON Schema", () => {
  it("is generated from the validator's definitions: schema/policy.schema.json has not drifted", () => {
    const committed = JSON.parse(readFileSync("schema/policy.schema.json", "utf8"));
    expect(committed, "run `./dev npm run schema` and commit schema/").toEqual(policyJsonSchema());
  });

  it("accepts the example policy and catches what editors should flag", () => {
    // The schema marks URLs with format "uri" (for editors); checked here as URL parsing decides it.
    const validate = new Ajv2020({
      strict: false,
      allErrors: true,
      formats: { uri: (value: string) => URL.canParse(value) },
    }).compile(policyJsonSchema());
    const example = parse(readFileSync("examples/policy.yml", "utf8"));
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
    expect(readFileSync("examples/policy.yml", "utf8").split("\n")[0]).toBe(
      "# yaml-language-server: $schema=../schema/policy.schema.json",
    );
    const typo = structuredClone(example);
    typo.environments.staging.rules[0].refs = "refs/heads/main";
    expect(validate(typo)).toBe(false);
    const badClaim = structuredClone(example);
    badClaim.environments.staging.rules[0].claims = { workflow: "x" };
    expect(validate(badClaim)).toBe(false);
    const badTtl = structuredClone(example);
    badTtl.environments.staging.ttl = "10 minutes";
    expect(validate(badTtl)).toBe(false);
  });
});

describe("the built command", () => {
  const run = (args: string[], env: Record<string, string> = {}) =>
    promisify(execFile)(process.execPath, ["dist/cli.js", ...args], {
      env: { PATH: process.env.PATH ?? "", ...env },
    }).catch((error: { code: number; stdout: string; stderr: string }) => error);

  it("has --help for every command", async () => {
    for (const command of [
      [],
      ["policy"],
      ["policy", "check"],
      ["policy", "explain"],
      ["policy", "test"],
      ["policy", "schema"],
      ["keys", "generate"],
      ["keys", "rotate"],
      ["token", "decode"],
    ]) {
      const result = (await run([...command, "--help"])) as { stdout: string };
      expect(result.stdout, command.join(" ")).toMatch(/^Usage: downscope/);
    }
  });

  it("prints no colour codes when not on a terminal or with NO_COLOR", async () => {
    const result = (await run(["policy", "check", "examples/policy.yml"], { NO_COLOR: "1", FORCE_COLOR: "1" })) as {
      stdout: string;
    };
    expect(result.stdout).toBe("examples/policy.yml: valid (0 errors, 0 warnings)\n");
    expect(result.stdout).not.toContain("\x1b[");
  });

  it("exits 1 on an invalid policy and 2 on a usage error", async () => {
    expect(((await run(["policy", "check", "package.json"])) as { code: number }).code).toBe(1);
    expect(((await run(["nonsense"])) as { code: number }).code).toBe(2);
  });
});

it("colours only when asked", async () => {
  const coloured = await cli(["policy", "check", "examples/policy.yml"], {}, { color: true });
  expect(coloured.out).toContain("\x1b[");
});
