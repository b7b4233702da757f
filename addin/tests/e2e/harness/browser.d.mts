// Types of browser.mjs (plain ESM, shared with the benchmark).
import type { Browser, Page } from 'playwright-core';
import type { FakeMailItem } from './messages';

export declare const officeJsUrl: string;
export declare const devTokenStorageKey: string;

export type FakeHost = 'Outlook' | 'Excel' | null | 'none';

export interface OpenPaneOptions {
  base: string;
  width?: number;
  height?: number;
  /** 'Outlook' (default), 'Excel', null (Office.js present, no host) or 'none' (the CDN answers 404). */
  host?: FakeHost;
  item?: FakeMailItem | null;
  language?: string;
  requirementSets?: Record<string, string>;
  userProfile?: { displayName?: string; emailAddress?: string; timeZone?: string };
  /** A token, or who to sign in as through POST /api/dev/token. */
  token?: string | { user: string; roles: string[]; name?: string };
  waitUntil?: 'load' | 'domcontentloaded' | 'networkidle' | 'commit';
}

export interface FakeCall {
  name: string;
  args: unknown[];
  /** performance.now() in the page when the call was made. */
  at: number;
}

export declare function launchBrowser(): Promise<Browser>;
export declare function devToken(base: string, user?: string, roles?: string[], name?: string): Promise<string>;
export declare function errorsOf(page: Page): string[];
export declare function openPane(browser: Browser, pane: string, options: OpenPaneOptions): Promise<Page>;
export declare function waitForCommand(page: Page, name: string, timeout?: number): Promise<void>;
export declare function invokeCommand(page: Page, name: string): Promise<unknown>;
export declare function fakeCalls(page: Page, name?: string): Promise<FakeCall[]>;
