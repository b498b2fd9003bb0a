/** `downscope token narrow` against a scripted service: what it sends, prints and refuses. */
import { describe, expect, it } from "vitest";
import { generateDpopKey } from "../../protocol/dpop-key";
import { cli } from "../support/cli-io";
import { encodePart } from "../support/jwt";

const PARENT = `${encodePart({ alg: "ES256", typ: "at+jwt" })}.${encodePart({ jti: "p1", scope: "deploy:write logs:read" })}.c2ln`;
const CHILD = `${encodePart({ alg: "ES256", typ: "at+jwt" })}.${encodePart({ jti: "c1", scope: "logs:read" })}.c2ln`;

function service(answer: () => Response) {
  const requests: { url: string; init: RequestInit }[] = [];
  const fetcher = (async (input: string | URL | Request, init?: RequestInit) => {
    requests.push({ url: String(input), init: init ?? {} });
    return answer();
  }) as typeof fetch;
  return { fetch: fetcher, requests };
}

const granted = () =>
  Response.json({
    access_token: CHILD,
    issued_token_type: "urn:ietf:params:oauth:token-type:access_token",
    token_type: "Bearer",
    expires_in: 120,
    scope: "logs:read",
    environment: "staging",
  });

describe("downscope token narrow", () => {
  it("sends the token from an environment variable as an access token and prints only the new one", async () => {
    const network = service(granted);
    const result = await cli(
      [
        "token",
        "narrow",
        "--url",
        "https://downscope.acme.dev/",
        "--token-env",
        "PARENT",
        "--scope",
        "logs:read",
        "--ttl",
        "2m",
      ],
      {},
      { env: { PARENT }, fetch: network.fetch },
    );
    expect(result).toEqual({ code: 0, out: `${CHILD}\n`, err: "" });
    expect(network.requests).toHaveLength(1);
    const [{ url, init }] = network.requests;
    expect(url).toBe("https://downscope.acme.dev/token");
    expect(init.redirect).toBe("manual");
    expect(Object.fromEntries(new URLSearchParams(String(init.body)))).toEqual({
      grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
      subject_token_type: "urn:ietf:params:oauth:token-type:access_token",
      subject_token: PARENT,
      scope: "logs:read",
      expires_in: "120",
    });
    const json = await cli(
      ["token", "narrow", "--url", "https://downscope.acme.dev", "--token", "-", "--json"],
      {},
      {
        stdin: `${PARENT}\n`,
        fetch: service(granted).fetch,
      },
    );
    expect(JSON.parse(json.out)).toMatchObject({ access_token: CHILD, scope: "logs:read", expires_in: 120 });
  });

  it("proves possession of a bound token's key", async () => {
    const key = await generateDpopKey();
    const network = service(granted);
    const result = await cli(
      ["token", "narrow", "--url", "http://127.0.0.1:8787", "--token-env", "PARENT", "--key", "k.jwk"],
      { "k.jwk": JSON.stringify(key.privateJwk) },
      { env: { PARENT }, fetch: network.fetch },
    );
    expect(result.code).toBe(0);
    const proof = (network.requests[0].init.headers as Record<string, string>).dpop;
    const [header, payload] = proof
      .split(".")
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, "base64url").toString()));
    expect(header).toMatchObject({ typ: "dpop+jwt", alg: "ES256", jwk: key.publicJwk });
    expect(payload).toMatchObject({ htm: "POST", htu: "http://127.0.0.1:8787/token" });
  });

  it("says why the service refused, escaped, with exit 1, and never prints the token", async () => {
    const refusal = () =>
      Response.json(
        {
          error: "invalid_scope",
          error_description: "A requested scope is not in the subject access token.\u001b[2J::warning::x",
          refused_scopes: ["deploy:write"],
        },
        { status: 400 },
      );
    const result = await cli(
      ["token", "narrow", "--url", "https://downscope.acme.dev", "--token-env", "PARENT"],
      {},
      {
        env: { PARENT },
        fetch: service(refusal).fetch,
      },
    );
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      "downscope: the service refused (HTTP 400 invalid_scope): A requested scope is not in the subject access token.\\u001b[2J:\u200b:warning:\u200b:x (refused scopes: deploy:write)\n",
    );
    expect(result.out + result.err).not.toContain(PARENT);
  });

  it("tells a wrong url apart from a refusal, and never follows a redirect", async () => {
    const redirect = () => new Response(null, { status: 302, headers: { location: "https://evil.example/token" } });
    const network = service(redirect);
    const result = await cli(
      ["token", "narrow", "--url", "https://downscope.acme.dev", "--token-env", "PARENT"],
      {},
      {
        env: { PARENT },
        fetch: network.fetch,
      },
    );
    expect(result.code).toBe(2);
    expect(result.err).toBe(
      "downscope: --url does not point at a downscope service: https://downscope.acme.dev/token answered HTTP 302, content-type (none), Location https://evil.example/token\n",
    );
    expect(network.requests).toHaveLength(1);
    const down = await cli(
      ["token", "narrow", "--url", "https://downscope.acme.dev", "--token-env", "PARENT"],
      {},
      {
        env: { PARENT },
      },
    );
    expect(down.err).toMatch(
      /^downscope: https:\/\/downscope\.acme\.dev\/token could not be reached \(no network in tests/,
    );
  });

  it("refuses bad input before sending anything, without echoing a token", async () => {
    const refused = async (args: string[], env: Record<string, string> = { PARENT }) => {
      const network = service(granted);
      const result = await cli(["token", "narrow", ...args], {}, { env, fetch: network.fetch });
      expect(network.requests, args.join(" ")).toEqual([]);
      expect(result.code, args.join(" ")).toBe(2);
      return result.err;
    };
    const base = ["--url", "https://downscope.acme.dev"];
    expect(await refused(["--url", "http://downscope.acme.dev", "--token-env", "PARENT"])).toMatch(
      /^downscope: --url must be/,
    );
    expect(await refused(["--url", "https://u:p@downscope.acme.dev", "--token-env", "PARENT"])).toMatch(
      /^downscope: --url must be/,
    );
    expect(await refused([...base, "--token", PARENT])).toBe(
      "downscope: --token takes - (read the token from stdin); or use --token-env NAME\n",
    );
    expect(await refused(base)).toMatch(/^downscope: give the token to narrow with --token-env NAME/);
    expect(await refused([...base, "--token-env", "NOPE"])).toBe("downscope: environment variable NOPE is empty\n");
    const secret = "ghp_secretsecretsecret";
    const notJwt = await refused([...base, "--token-env", "PARENT"], { PARENT: secret });
    expect(notJwt).toBe("downscope: the token to narrow is not a JWT (a downscope token)\n");
    expect(await refused([...base, "--token-env", "PARENT", "--scope", 'a "b"'])).toBe(
      'downscope: --scope must be space-separated scopes, and ""b"" is not one\n',
    );
    expect(await refused([...base, "--token-env", "PARENT", "--ttl", "2h"])).toMatch(
      /^downscope: --ttl must be a duration up to 1h/,
    );
    expect(await refused([...base, "--token-env", "PARENT", "--key-env", "NOKEY"])).toBe(
      "downscope: environment variable NOKEY is empty\n",
    );
  });
});
