// GitHub's REST API as a GitHub App meets it, faked as GitHub documents it ("Generating a JSON
// Web Token (JWT) for a GitHub App", "REST API endpoints for GitHub Apps", "Rate limits for the
// REST API"), for tests and benchmarks: app JWTs verified (RS256, iss, iat in the past, exp at
// most 10 minutes ahead), a request without User-Agent refused, installations looked up by
// organization or user, installation tokens created for exactly the repositories and
// permissions asked (422 beyond the installation, 201 with expires_at an hour ahead), revoked
// with DELETE /installation/token (then 401), and used on /repos/{owner}/{repo}. Faults on
// demand: the next answers' status and headers (5xx, primary and secondary rate limits, a
// redirect), or a grant wider than asked. A plain `(Request) => Promise<Response>` handler, so
// workerd tests call it in-process; `serveFakeGithubAppApi` puts it on a loopback port.
import { createServer } from "node:http";
import { importJWK, jwtVerify } from "jose";

const DOCS = "https://docs.github.com/rest";
const REPOSITORY_MISSING =
  "There is at least one repository that does not exist or is not accessible to the parent installation.";
const PERMISSIONS_NOT_GRANTED = "The permissions requested are not granted to this installation.";
const LEVELS = ["read", "write", "admin"];

/**
 * `app`: `{ issuer, publicJwk }` (issuer: the client ID or app id the JWT's iss must carry).
 * `installations`: by account login, `{ id, type: "Organization" | "User", repositories, permissions }`.
 * `now`: milliseconds, for expiry checks.
 */
export function fakeGithubAppApi({ app, installations, now = () => Date.now() }) {
  const state = {
    /** What each request carried (no Authorization value), for assertions on exact bodies. */
    requests: [],
    tokens: new Map(),
    /** Answers to give instead of the real one, in order: `{ status, headers, body }`. */
    faults: [],
    /** The next token created grants this much more than asked: `{ permissions?, repositories? }`. */
    overgrant: undefined,
  };
  let publicKey;
  let serial = 0;
  const json = (status, body, headers = {}) =>
    new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { "content-type": "application/json; charset=utf-8", ...headers },
    });
  const notFound = () => json(404, { message: "Not Found", documentation_url: DOCS, status: "404" });
  const badCredentials = () => json(401, { message: "Bad credentials", documentation_url: DOCS, status: "401" });

  async function appJwtProblem(authorization) {
    const jwt = /^Bearer (.+)$/.exec(authorization ?? "")?.[1];
    if (!jwt) return "A JSON web token could not be decoded";
    publicKey ??= await importJWK(app.publicJwk, "RS256");
    let payload;
    try {
      ({ payload } = await jwtVerify(jwt, publicKey, { algorithms: ["RS256"], currentDate: new Date(now()) }));
    } catch {
      return "A JSON web token could not be decoded";
    }
    const seconds = Math.floor(now() / 1000);
    if (!Number.isInteger(payload.iat) || payload.iat > seconds) {
      return "'Issued at' claim ('iat') must be an Integer representing a time in the past.";
    }
    if (!Number.isInteger(payload.exp) || payload.exp > seconds + 600) {
      return "'Expiration time' claim ('exp') is too far in the future";
    }
    if (String(payload.iss) !== app.issuer) return "A JSON web token could not be decoded";
    return undefined;
  }

  async function handle(request) {
    const url = new URL(request.url);
    const body = request.method === "GET" || request.method === "DELETE" ? undefined : await request.text();
    const headers = Object.fromEntries([...request.headers].filter(([name]) => name !== "authorization"));
    state.requests.push({
      method: request.method,
      path: url.pathname,
      headers,
      body: body ? JSON.parse(body) : undefined,
    });
    if (!request.headers.get("user-agent")) {
      return json(403, {
        message:
          "Request forbidden by administrative rules. Please make sure your request has a User-Agent header (https://docs.github.com/en/rest/overview/resources-in-the-rest-api#user-agent-required).",
      });
    }
    const fault = state.faults.shift();
    if (fault) return json(fault.status, fault.body, fault.headers);
    const authorization = request.headers.get("authorization") ?? "";

    const lookup = /^\/(orgs|users)\/([^/]+)\/installation$/.exec(url.pathname);
    if (request.method === "GET" && lookup) {
      const problem = await appJwtProblem(authorization);
      if (problem) return json(401, { message: problem, documentation_url: DOCS, status: "401" });
      const login = decodeURIComponent(lookup[2]);
      const entry = Object.entries(installations).find(([name]) => name.toLowerCase() === login.toLowerCase());
      const installation = entry?.[1];
      if (!installation || (lookup[1] === "orgs") !== (installation.type === "Organization")) return notFound();
      return json(200, {
        id: installation.id,
        account: { login: entry[0], type: installation.type },
        repository_selection: "selected",
        permissions: installation.permissions,
      });
    }

    const create = /^\/app\/installations\/(\d+)\/access_tokens$/.exec(url.pathname);
    if (request.method === "POST" && create) {
      const problem = await appJwtProblem(authorization);
      if (problem) return json(401, { message: problem, documentation_url: DOCS, status: "401" });
      const installation = Object.values(installations).find((candidate) => candidate.id === Number(create[1]));
      if (!installation) return notFound();
      const asked = body ? JSON.parse(body) : {};
      const repositories = asked.repositories ?? installation.repositories;
      const permissions = asked.permissions ?? installation.permissions;
      const owned = (name) =>
        installation.repositories.find((repository) => repository.toLowerCase() === name.toLowerCase());
      if (!Array.isArray(repositories) || repositories.length > 500 || !repositories.every(owned)) {
        return json(422, { message: REPOSITORY_MISSING, documentation_url: DOCS, status: "422" });
      }
      for (const [name, level] of Object.entries(permissions)) {
        const granted = installation.permissions[name];
        if (!granted || LEVELS.indexOf(level) < 0 || LEVELS.indexOf(level) > LEVELS.indexOf(granted)) {
          return json(422, { message: PERMISSIONS_NOT_GRANTED, documentation_url: DOCS, status: "422" });
        }
      }
      const extra = state.overgrant ?? {};
      state.overgrant = undefined;
      const names = [...repositories.map(owned), ...(extra.repositories ?? [])];
      const token = `ghs_${(++serial).toString().padStart(4, "0")}${crypto.randomUUID().replaceAll("-", "")}`;
      const granted = { ...permissions, ...(extra.permissions ?? {}) };
      state.tokens.set(token, { installation, repositories: names, permissions: granted, revoked: false });
      return json(201, {
        token,
        expires_at: new Date(now() + 3600_000).toISOString().replace(/\.\d{3}Z$/, "Z"),
        permissions: granted,
        repository_selection: "selected",
        repositories: names.map((name, index) => ({
          id: 1000 + index,
          name,
          full_name: `${ownerOf(installation)}/${name}`,
        })),
      });
    }

    const presented = /^(?:token|Bearer) (ghs_\w+)$/.exec(authorization)?.[1];
    const held = presented ? state.tokens.get(presented) : undefined;
    if (request.method === "DELETE" && url.pathname === "/installation/token") {
      if (!held || held.revoked) return badCredentials();
      held.revoked = true;
      return new Response(null, { status: 204 });
    }
    const repo = /^\/repos\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    if (request.method === "GET" && repo) {
      if (!held || held.revoked) return badCredentials();
      const name = held.repositories.find((candidate) => candidate.toLowerCase() === repo[2].toLowerCase());
      if (!name || repo[1].toLowerCase() !== ownerOf(held.installation).toLowerCase()) return notFound();
      return json(200, { name, full_name: `${repo[1]}/${name}`, private: true, permissions: held.permissions });
    }
    return notFound();
  }

  function ownerOf(installation) {
    return Object.entries(installations).find(([, candidate]) => candidate === installation)?.[0] ?? "";
  }

  return { handle, state };
}

/** The fake on a loopback port, for child processes (the action's post step, e2e tests). */
export async function serveFakeGithubAppApi(options) {
  const fake = fakeGithubAppApi(options);
  const server = createServer(async (incoming, outgoing) => {
    const chunks = [];
    for await (const chunk of incoming) chunks.push(chunk);
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers))
      if (typeof value === "string") headers.set(name, value);
    const request = new Request(`http://${incoming.headers.host}${incoming.url}`, {
      method: incoming.method,
      headers,
      ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
    });
    const response = await fake.handle(request);
    outgoing.writeHead(response.status, Object.fromEntries(response.headers));
    outgoing.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    ...fake,
    url: `http://127.0.0.1:${server.address().port}`,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}
