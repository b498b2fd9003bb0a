import type { JWK } from "jose";

export declare function bundleWorker(options?: { artifact?: string }): Promise<{ scriptPath: string; upload: string }>;
export declare function freePort(): Promise<number>;
export interface LocalService {
  url: string;
  logs: Record<string, unknown>[];
  stop(): Promise<void>;
}
export declare function startLocalService(options: {
  policy?: string;
  artifact?: string;
  signingKeys: JWK[];
  port?: number;
  bindings?: Record<string, string>;
  network?: (request: Request) => Response | Promise<Response>;
}): Promise<LocalService>;
export declare function serveWorker(options: {
  scriptPath: string;
  bindings: Record<string, unknown>;
  port?: number;
  network?: (request: Request) => Response | Promise<Response>;
}): Promise<LocalService>;
export declare function postTokenExchange(
  serviceUrl: string,
  subjectToken: string,
  extra?: Record<string, string>,
): Promise<Response>;
