import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ActionError } from "../../action/core";
import { readInputs } from "../../action/inputs";

const read = (inputs: Record<string, string>) => readInputs({ getInput: (name) => inputs[name] ?? "" });
const problem = (inputs: Record<string, string>) => {
  try {
    read(inputs);
    return "accepted";
  } catch (error) {
    expect(error).toBeInstanceOf(ActionError);
    return (error as Error).message;
  }
};

describe("action inputs", () => {
  it("fills in defaults from url alone", () => {
    expect(read({ url: "https://downscope.acme.dev/" })).toEqual({
      url: "https://downscope.acme.dev",
      environment: undefined,
      scopes: undefined,
      ttl: undefined,
      audience: "https://downscope.acme.dev",
      dpop: false,
      revoke: true,
      exportEnv: undefined,
      retries: 5,
      summary: true,
    });
  });

  it("reads every input", () => {
    expect(
      read({
        url: "https://downscope.acme.dev/base",
        environment: "production",
        scope: " deploy:write  logs:read ",
        ttl: "15m",
        audience: "https://custom.example",
        dpop: "false",
        revoke: "FALSE",
        "export-env": "DEPLOY_TOKEN",
        retries: "2",
        summary: "false",
      }),
    ).toEqual({
      url: "https://downscope.acme.dev/base",
      environment: "production",
      scopes: ["deploy:write", "logs:read"],
      ttl: 900,
      audience: "https://custom.example",
      dpop: false,
      revoke: false,
      exportEnv: "DEPLOY_TOKEN",
      retries: 2,
      summary: false,
    });
    expect(read({ url: "https://d.example", ttl: "600" }).ttl).toBe(600);
  });

  it("allows http only on loopback", () => {
    expect(read({ url: "http://127.0.0.1:8787" }).audience).toBe("http://127.0.0.1:8787");
    expect(read({ url: "http://localhost:8787" }).url).toBe("http://localhost:8787");
    expect(problem({ url: "http://downscope.acme.dev" })).toBe(
      'Input "url" must use https (http only for localhost), got "http://downscope.acme.dev".',
    );
    expect(problem({ url: "http://127.0.0.1.evil.example" })).toMatch(/must use https/);
  });

  it("quotes the bad input and says what would do", () => {
    expect(problem({})).toBe('Input "url" is required: the base URL of your downscope service.');
    expect(problem({ url: "downscope.acme.dev" })).toBe(
      'Input "url" must be a URL such as https://downscope.example.com, got "downscope.acme.dev".',
    );
    expect(problem({ url: "ftp://x.example" })).toMatch(/must use https/);
    expect(problem({ url: "https://user:pw@x.example" })).toMatch(/must not carry credentials/);
    expect(problem({ url: "https://x.example/?a=b" })).toMatch(/must not carry credentials, a query/);
    expect(problem({ url: "https://x.example", ttl: "10 minutes" })).toBe(
      'Input "ttl" must be a duration such as "10m", "90s", "1h" or whole seconds, got "10 minutes".',
    );
    expect(problem({ url: "https://x.example", ttl: "2h" })).toBe('Input "ttl" must be at most 1h, got "2h".');
    expect(problem({ url: "https://x.example", revoke: "yes" })).toBe(
      'Input "revoke" must be true or false, got "yes".',
    );
    expect(problem({ url: "https://x.example", environment: "prod env" })).toMatch(/Input "environment" must be/);
    expect(problem({ url: "https://x.example", scope: 'a "b"' })).toBe(
      'Input "scope" must be space-separated scopes, and ""b"" is not one.',
    );
    for (const retries of ["0", "11", "-1", "2.5", "three", "1e1"]) {
      expect(problem({ url: "https://x.example", retries }), retries).toBe(
        `Input "retries" must be the number of attempts, 1 to 10 (1: no retry), got "${retries}".`,
      );
    }
    expect(problem({ url: "https://x.example", summary: "off" })).toBe(
      'Input "summary" must be true or false, got "off".',
    );
    for (const name of ["PATH", "GITHUB_TOKEN", "RUNNER_TEMP", "1X", "A-B", "NODE_OPTIONS"]) {
      expect(problem({ url: "https://x.example", "export-env": name }), name).toMatch(/Input "export-env"/);
    }
  });
});

describe("action.yml", () => {
  it("declares exactly the inputs the action reads", () => {
    const declared = Object.keys((parse(readFileSync("action.yml", "utf8")) as { inputs: object }).inputs).sort();
    const asked: string[] = [];
    readInputs({
      getInput: (name: string) => {
        asked.push(name);
        return name === "url" ? "https://downscope.example.com" : "";
      },
    });
    expect([...new Set(asked)].sort()).toEqual(declared);
  });

  it("is used by the example workflows only with inputs it declares, and outputs it sets", () => {
    const action = parse(readFileSync("action.yml", "utf8")) as { inputs: object; outputs: object };
    for (const file of readdirSync("examples/workflows")) {
      const text = readFileSync(`examples/workflows/${file}`, "utf8");
      const workflow = parse(text) as {
        jobs: Record<string, { steps: { id?: string; uses?: string; with?: object }[] }>;
      };
      for (const job of Object.values(workflow.jobs)) {
        for (const step of job.steps.filter((candidate) => candidate.uses === "acme/downscope@v1")) {
          for (const key of Object.keys(step.with ?? {}))
            expect(Object.keys(action.inputs), `${file}: ${key}`).toContain(key);
          for (const [, output] of text.matchAll(new RegExp(`steps\\.${step.id}\\.outputs\\.([\\w-]+)`, "g"))) {
            expect(Object.keys(action.outputs), `${file}: ${output}`).toContain(output);
          }
        }
      }
    }
  });
});
