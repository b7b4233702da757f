// Vitest globalSetup of the e2e project: builds the add-in and the function app, starts Azurite
// (in memory) and the app in standalone Development mode on free loopback ports, hands the app's
// URL to the tests (inject('baseUrl')), and stops both processes at the end. See stack.mjs for the
// environment switches (OFFICEFLOW_E2E_SKIP_BUILD=1, …).
import type { TestProject } from 'vitest/node';
import { startStack, type Stack } from './stack.mjs';

let stack: Stack | null = null;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  stack = await startStack({ log: (line) => console.log(line) });
  await checkAddinServed(stack.baseUrl);
  project.provide('baseUrl', stack.baseUrl);
  return async () => {
    await stack?.stop();
    stack = null;
  };
}

/** The app must serve the built add-in under /addin/ and its config.json; say so plainly if it does not. */
async function checkAddinServed(base: string): Promise<void> {
  const missing: string[] = [];
  for (const path of ['/addin/commands.html', '/addin/config.json']) {
    const response = await fetch(base + path).catch((e: Error) => ({ ok: false, status: e.message }) as const);
    if (!response.ok) missing.push(`GET ${path} → ${response.status}`);
  }
  if (missing.length) {
    await stack?.stop();
    stack = null;
    throw new Error(`The app at ${base} does not serve the add-in (${missing.join('; ')}). It needs Addin:Folder static files, /addin/config.json and POST /api/dev/token in Development.`);
  }
}
