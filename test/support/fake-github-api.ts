/**
 * GitHub's REST API as the policy-review action uses it, on a loopback port: file contents at a
 * ref, and a pull request's comments (listed a page at a time, created, updated), and GraphQL's
 * `viewer`. Every request
 * is recorded; `readOnly` answers writes as GitHub does for a token without
 * `pull-requests: write`.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: "Bot" | "User" };
  html_url: string;
}

export interface FakeGitHubApi {
  readonly url: string;
  readonly token: string;
  /** Files by ref, then path. */
  files: Record<string, Record<string, string>>;
  /** Comments of the one pull request the fake knows (any number). */
  comments: FakeComment[];
  readOnly: boolean;
  /** What GraphQL's `viewer { login }` answers: GitHub Actions' bot, as GraphQL spells it. */
  viewer: string;
  readonly requests: { method: string; path: string; authorized: boolean }[];
  stop(): Promise<void>;
}

const PAGE = 2; // small, so that finding the comment must follow pagination

export async function startFakeGitHubApi(options: { owner: string; repo: string }): Promise<FakeGitHubApi> {
  const prefix = `/repos/${options.owner}/${options.repo}`;
  let nextId = 1000;
  const api: Omit<FakeGitHubApi, "url" | "stop"> = {
    token: "ghs_fake-installation-token",
    files: {},
    comments: [],
    readOnly: false,
    viewer: "github-actions",
    requests: [],
  };
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      const url = new URL(request.url ?? "/", "http://localhost");
      const authorized = request.headers.authorization === `token ${api.token}`;
      api.requests.push({ method: request.method ?? "", path: url.pathname, authorized });
      const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
        response.writeHead(status, { "content-type": "application/json", ...headers });
        response.end(JSON.stringify(value));
      };
      const forbidden = () => json(403, { message: "Resource not accessible by integration", status: "403" });
      if (!authorized) return json(401, { message: "Bad credentials", status: "401" });

      const contents = url.pathname.match(new RegExp(`^${prefix}/contents/(.+)$`));
      if (request.method === "GET" && contents) {
        const text = api.files[url.searchParams.get("ref") ?? ""]?.[decodeURIComponent(contents[1])];
        if (text === undefined) return json(404, { message: "Not Found", status: "404" });
        response.writeHead(200, { "content-type": "application/vnd.github.raw; charset=utf-8" });
        return response.end(text);
      }
      if (url.pathname === `${prefix}/issues/7/comments`) {
        if (request.method === "GET") {
          const page = Number(url.searchParams.get("page") ?? "1");
          const items = api.comments.slice((page - 1) * PAGE, page * PAGE);
          const last = Math.max(1, Math.ceil(api.comments.length / PAGE));
          const link =
            page < last
              ? { link: `<http://${request.headers.host}${url.pathname}?page=${page + 1}>; rel="next"` }
              : undefined;
          return json(200, items, link);
        }
        if (request.method === "POST") {
          if (api.readOnly) return forbidden();
          const comment: FakeComment = {
            id: nextId++,
            body: JSON.parse(body).body,
            user: { login: "github-actions[bot]", type: "Bot" },
            html_url: `https://github.example/pr/7#issuecomment-${nextId}`,
          };
          api.comments.push(comment);
          return json(201, comment);
        }
      }
      const edit = url.pathname.match(new RegExp(`^${prefix}/issues/comments/(\\d+)$`));
      if (request.method === "PATCH" && edit) {
        if (api.readOnly) return forbidden();
        const comment = api.comments.find((candidate) => candidate.id === Number(edit[1]));
        if (!comment) return json(404, { message: "Not Found" });
        comment.body = JSON.parse(body).body;
        return json(200, comment);
      }
      // An installation token cannot ask who it is over REST; GraphQL names its bot.
      if (url.pathname === "/user") return forbidden();
      if (request.method === "POST" && url.pathname === "/graphql") {
        if (!/^query\s*\{\s*viewer\s*\{\s*login\s*\}\s*\}$/.test(JSON.parse(body).query)) {
          return json(200, { errors: [{ message: "the fake answers viewer { login } only" }] });
        }
        return json(200, { data: { viewer: { login: api.viewer } } });
      }
      return json(404, { message: "Not Found" });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(api, {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
