export interface DeployApiOptions {
  issuer: string;
  audience: string;
  environment: string;
  scope?: string;
  introspection?: boolean | { cacheMs?: number };
  publicOrigin?: string;
  port?: number;
}
export declare function deployApi(options: DeployApiOptions): import("hono").Hono;
export declare function startDeployApi(options: DeployApiOptions): Promise<{ url: string; stop(): Promise<void> }>;
