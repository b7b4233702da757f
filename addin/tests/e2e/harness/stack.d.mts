// Types of stack.mjs (plain ESM, shared with the benchmark).
export declare const addinDir: string;
export declare const repoRoot: string;
export declare const chromiumPath: string;
export declare class StackError extends Error {}
export interface Stack {
  baseUrl: string;
  azuritePort: number | null;
  dataDir: string | null;
  appLog?: string;
  stop(): Promise<void>;
}
export declare function checkPrerequisites(options?: { needBrowser?: boolean; needApp?: boolean }): void;
export declare function freePort(): Promise<number>;
export declare function buildAddin(log?: (line: string) => void): void;
export declare function buildApp(log?: (line: string) => void): void;
export declare function startStack(options?: { log?: (line: string) => void; build?: boolean }): Promise<Stack>;
