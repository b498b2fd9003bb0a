/**
 * The little HTTP the action needs (GET a token from the runner, POST forms to the service),
 * on node:http(s). Node's own fetch loads undici on first use, which costs ~80 ms of start-up
 * on these machines (bench/RESULTS.md, section 5): more than the action's whole budget. This
 * client returns the subset of `Response` the action reads (status, ok, headers.get, text, json).
 */
import type { IncomingHttpHeaders } from "node:http";

// Not `import … from "node:http"`: an ES import of a built-in evaluates all its exports, and
// node:http's include lazy getters (WebSocket and friends) that load undici, ~50 ms of start-up
// (bench section 5). The module object from getBuiltinModule loads only what is used.
const { request: httpRequest } = process.getBuiltinModule("node:http");
const { request: httpsRequest } = process.getBuiltinModule("node:https");

const MAX_RESPONSE_BYTES = 1024 * 1024;

export const lightFetch = ((input: string | URL, init: RequestInit = {}) =>
  new Promise((resolve, reject) => {
    const url = new URL(String(input));
    const body = init.body === undefined || init.body === null ? undefined : String(init.body);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries((init.headers ?? {}) as Record<string, string>)) {
      headers[name.toLowerCase()] = value;
    }
    if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
    const send = url.protocol === "https:" ? httpsRequest : httpRequest;
    const request = send(
      url,
      { method: init.method ?? "GET", headers, signal: init.signal ?? undefined },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_RESPONSE_BYTES) {
            response.destroy();
            reject(new Error("response larger than 1 MiB"));
          } else chunks.push(chunk);
        });
        response.on("end", () =>
          resolve(lightResponse(response.statusCode ?? 0, response.headers, Buffer.concat(chunks))),
        );
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body);
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
