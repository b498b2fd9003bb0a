import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lightFetch } from "../../action/http-client";

let server: Server;
let base = "";
const seen: { method?: string; headers: Record<string, unknown>; body: string }[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      seen.push({ method: request.method, headers: request.headers, body });
      if (request.url === "/big") response.end("x".repeat(2 * 1024 * 1024));
      else if (request.url === "/retry") response.writeHead(503, { "retry-after": "7" }).end('{"error":"busy"}');
      else response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, got: body }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the action's HTTP client", () => {
  it("POSTs a form with its headers and reads a JSON answer", async () => {
    const response = await lightFetch(`${base}/token`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", dpop: "proof" },
      body: new URLSearchParams({ a: "b c" }),
    });
    expect(response.status).toBe(200);
    expect(response.ok).toBe(true);
    expect(response.headers.get("Content-Type")).toBe("application/json");
    expect(await response.json()).toEqual({ ok: true, got: "a=b+c" });
    expect(seen.at(-1)).toMatchObject({ method: "POST", headers: { dpop: "proof", "content-length": "5" } });
  });

  it("reports statuses and headers of refusals", async () => {
    const response = await lightFetch(`${base}/retry`);
    expect(response.status).toBe(503);
    expect(response.ok).toBe(false);
    expect(response.headers.get("retry-after")).toBe("7");
    expect(response.headers.get("x-missing")).toBeNull();
  });

  it("rejects on a refused connection, a timeout, and a response over 1 MiB", async () => {
    await expect(lightFetch("http://127.0.0.1:1/nothing")).rejects.toThrow();
    await expect(lightFetch(`${base}/big`)).rejects.toThrow("response larger than 1 MiB");
    const hanging = createServer(() => {});
    await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
    const address = hanging.address();
    const port = typeof address === "object" && address ? address.port : 0;
    await expect(lightFetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(50) })).rejects.toThrow();
    hanging.closeAllConnections();
    await new Promise<void>((resolve) => hanging.close(() => resolve()));
  });
});
