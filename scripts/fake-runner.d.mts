import type { JWK } from "jose";

export interface IdTokenEndpoint {
  url: string;
  bearer: string;
  requests: { audience: string | null; authorization: string | undefined }[];
  failNext(count: number, status?: number): void;
  setClaims(claims: () => Record<string, unknown>): void;
  stop(): Promise<void>;
}
export declare function startIdTokenEndpoint(options: {
  privateJwk: JWK;
  claims?: () => Record<string, unknown>;
}): Promise<IdTokenEndpoint>;
export declare function parseFileCommands(text: string): Record<string, string>;
export interface StepResult {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  exported: Record<string, string>;
  state: Record<string, string>;
  summary: string;
}
export declare function runActionStep(
  step: "main" | "post" | "policy-review/index",
  options?: {
    inputs?: Record<string, string>;
    state?: Record<string, string>;
    idTokens?: IdTokenEndpoint;
    env?: Record<string, string>;
  },
): Promise<StepResult>;
export declare function errorAnnotation(stdout: string): string;
