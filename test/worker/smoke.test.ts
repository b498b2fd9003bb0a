import { describe, expect, it } from "vitest";
import { exchange, githubToken, testApp } from "../support/service";

describe("smoke", () => {
  it("exchanges a GitHub token for a staging token", async () => {
    const { app, logs } = testApp();
    const response = await exchange(app, await githubToken());
    const body = await response.json();
    expect(body, JSON.stringify(logs)).toMatchObject({
      token_type: "Bearer",
      environment: "staging",
      scope: "deploy:write",
    });
    expect(response.status).toBe(200);
  });
});
