/**
 * The little HTTP the action needs (GET a token from the runner, POST forms to the service),
 * on node:http(s). Node's own fetch loads undici on first use, which costs ~80 ms of start-up
 * on these machines (bench/RESULTS.md, section 5): more than the action's whole budget. This
 * client returns the subset of `Response` the action reads (status, ok, headers.get, text, json).
 *
 * It honours HTTPS_PROXY, HTTP_PROXY and NO_PROXY exactly as @actions/http-client does (its own
 * `getProxyUrl`, so loopback is always direct), tunnelling https through the proxy with CONNECT;
 * it sends `User-Agent: downscope-action/<version>`, never follows a redirect (a GitHub token must
 * not be re-sent to another host), and reads at most 1 MiB of a response.
 */
import type { IncomingHttpHeaders, IncomingMessage, RequestOptions } from "node:http";
import { getProxyUrl } from "@actions/http-client/lib/proxy";
import { version } from "../package.json";

// Not `import … from "node:http"`: an ES import of a built-in evaluates all its exports, and
// node:http's include lazy getters (WebSocket and friends) that load undici, ~50 ms of start-up
// (bench section 5). The module object from getBuiltinModule loads only what is used.
const http = process.getBuiltinModule("node:http");
const https = process.getBuiltinModule("node:https");
const tls = process.getBuiltinModule("node:tls");

const MAX_RESPONSE_BYTES = 1024 * 1024;
const USER_AGENT = `downscope-action/${version}`;

/** The response was larger than the action reads: no downscope answer is that large. */
export class ResponseTooLarge extends Error {
  override name = "ResponseTooLarge";
  constructor(
    readonly status: number,
    readonly contentType: string | null,
  ) {
    super(`response larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MiB`);
  }
}

export const lightFetch = ((input: string | URL, init: RequestInit = {}) =>
  new Promise((resolve, reject) => {
    const url = new URL(String(input));
    const body = init.body === undefined || init.body === null ? undefined : String(init.body);
    const headers: Record<string, string> = { "user-agent": USER_AGENT };
    for (const [name, value] of Object.entries((init.headers ?? {}) as Record<string, string>)) {
      headers[name.toLowerCase()] = value;
    }
    if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
    const options: RequestOptions = { method: init.method ?? "GET", headers, signal: init.signal ?? undefined };
    const onResponse = (response: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) {
          response.destroy();
          const type = response.headers["content-type"];
          reject(new ResponseTooLarge(response.statusCode ?? 0, typeof type === "string" ? type : null));
        } else chunks.push(chunk);
      });
      response.on("end", () =>
        resolve(lightResponse(response.statusCode ?? 0, response.headers, Buffer.concat(chunks))),
      );
      response.on("error", reject);
    };
    const send = (request: ReturnType<typeof http.request>) => {
      request.on("error", reject);
      request.end(body);
    };

    // The proxy @actions/http-client would use for this URL; undefined: direct.
    const proxy = getProxyUrl(url);
    if (!proxy) {
      send((url.protocol === "https:" ? https : http).request(url, options, onResponse));
      return;
    }
    const proxyHeaders: Record<string, string> = { "user-agent": USER_AGENT };
    if (proxy.username || proxy.password) {
      const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
      proxyHeaders["proxy-authorization"] = `Basic ${Buffer.from(credentials).toString("base64")}`;
    }
    const proxyModule = proxy.protocol === "https:" ? https : http;
    const proxyTarget = { protocol: proxy.protocol, hostname: proxy.hostname, port: proxy.port };
    if (url.protocol === "http:") {
      // Plain http through a proxy: the absolute URL as the request target.
      const viaProxy = {
        ...options,
        ...proxyTarget,
        path: url.href,
        headers: { ...headers, ...proxyHeaders, host: url.host },
      };
      send(proxyModule.request(viaProxy, onResponse));
      return;
    }
    const port = url.port || "443";
    const connect = proxyModule.request({
      ...proxyTarget,
      method: "CONNECT",
      path: `${url.hostname}:${port}`,
      headers: { ...proxyHeaders, host: `${url.hostname}:${port}` },
      signal: init.signal ?? undefined,
    });
    connect.on("connect", (answer, socket) => {
      if (answer.statusCode !== 200) {
        socket.destroy();
        reject(new Error(`the proxy ${proxy.host} refused to connect to ${url.host} (HTTP ${answer.statusCode})`));
        return;
      }
      const tunnel = tls.connect({ socket, servername: url.hostname });
      send(https.request(url, { ...options, createConnection: () => tunnel }, onResponse));
    });
    connect.on("error", (error) =>
      reject(Object.assign(new Error(`the proxy ${proxy.host}: ${error.message}`), { cause: error })),
    );
    connect.end();
  })) as typeof fetch;

function lightResponse(status: number, headers: IncomingHttpHeaders, bytes: Buffer): Response {
  const text = async () => bytes.toString("utf8");
  return {
    status,
    ok: status >= 200 && status < 300,
    headers: {
      get(name: string) {
        const value = headers[name.toLowerCase()];
        if (value === undefined) return null;
        return Array.isArray(value) ? value.join(", ") : value;
      },
    },
    text,
    json: async () => JSON.parse(await text()),
    body: { cancel: async () => {} },
  } as unknown as Response;
}
