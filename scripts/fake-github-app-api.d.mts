import type { JWK } from "jose";

export interface FakeInstallation {
  readonly id: number;
  readonly type: "Organization" | "User";
  readonly repositories: readonly string[];
  readonly permissions: Readonly<Record<string, string>>;
}
export interface FakeGithubAppState {
  requests: { method: string; path: string; headers: Record<string, string>; body?: Record<string, unknown> }[];
  tokens: Map<string, { repositories: string[]; permissions: Record<string, string>; revoked: boolean }>;
  faults: { status: number; headers?: Record<string, string>; body?: unknown }[];
  overgrant?: { permissions?: Record<string, string>; repositories?: string[] };
}
export interface FakeGithubAppOptions {
  app: { issuer: string; publicJwk: JWK };
  installations: Record<string, FakeInstallation>;
  now?: () => number;
}
export declare function fakeGithubAppApi(options: FakeGithubAppOptions): {
  handle(request: Request): Promise<Response>;
  state: FakeGithubAppState;
};
export declare function serveFakeGithubAppApi(options: FakeGithubAppOptions): Promise<{
  handle(request: Request): Promise<Response>;
  state: FakeGithubAppState;
  url: string;
  stop(): Promise<void>;
}>;
