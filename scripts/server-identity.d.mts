// Types for server-identity.mjs, used by vite.config.ts and the e2e global setup.
export declare const SERVER_ID_PATH: string;
export declare function serverId(root?: string): string;
export declare function serverProblem(baseURL: string, expected?: string): Promise<string | null>;
