// Starts what the end-to-end tests and the benchmarks run against: the add-in's build, Azurite's
// table service (in memory) and the function app in standalone mode, each on a free loopback port.
// Plain ESM so that both Vitest's globalSetup and `node tests/benchmarks/run.mjs` use it.
//
// Environment:
//   OFFICEFLOW_E2E_SKIP_BUILD=1         do not run `vite build` (addin/dist must exist)
//   OFFICEFLOW_E2E_SKIP_DOTNET_BUILD=1  do not run `dotnet build` (the Release build must exist)
//   OFFICEFLOW_E2E_BASE_URL=http://…    use an app that is already running; start nothing
//   OFFICEFLOW_E2E_VERBOSE=1            echo the app's and Azurite's output
//   OFFICEFLOW_E2E_KEEP=1               keep the temp folder (app.log, azurite.log, local data) after the run
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const addinDir = resolve(here, '../../..');
export const repoRoot = resolve(addinDir, '..');
export const chromiumPath = process.env.OFFICEFLOW_CHROMIUM ?? '/usr/bin/chromium';

const appProject = join(repoRoot, 'functions', 'OfficeFlow.Functions');
const appDll = join(appProject, 'bin', 'Release', 'net10.0', 'OfficeFlow.Functions.dll');
const azuriteBin = join(repoRoot, 'node_modules', '.bin', 'azurite-table');
// The demo firm's requisites (samples/demo-firm.json, the same ones ./run.sh uses in Development), given to
// the app as Firm__<key> with Firm__demo=true: without them POST /api/contracts refuses every contract until an
// admin fills in «Реквизиты фирмы».
const demoFirmFile = join(repoRoot, 'samples', 'demo-firm.json');
function demoFirmEnv() {
  const firm = JSON.parse(readFileSync(demoFirmFile, 'utf8'));
  return { ...Object.fromEntries(Object.entries(firm).map(([key, value]) => [`Firm__${key}`, String(value)])), Firm__demo: 'true' };
}
// Azurite's well-known development account key (public; the same as run.sh).
const azuriteKey = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export class StackError extends Error {}

/** Throws one message naming everything missing (and how to get it). */
export function checkPrerequisites({ needBrowser = true, needApp = true } = {}) {
  const missing = [];
  if (needBrowser && !existsSync(chromiumPath)) missing.push(`Chromium at ${chromiumPath} (as root: apt-get install -y chromium; or set OFFICEFLOW_CHROMIUM)`);
  if (!existsSync(join(addinDir, 'node_modules', 'playwright-core'))) missing.push(`the add-in's node_modules (cd addin && npm ci)`);
  if (!existsSync(join(addinDir, 'node_modules', 'axe-core'))) missing.push(`axe-core in addin/node_modules (cd addin && npm ci)`);
  if (needApp && !process.env.OFFICEFLOW_E2E_BASE_URL) {
    if (spawnSync('dotnet', ['--version'], { stdio: 'ignore' }).status !== 0) missing.push('the .NET 10 SDK (`dotnet` is not on PATH; https://dot.net)');
    if (!existsSync(azuriteBin)) missing.push(`Azurite at ${azuriteBin} (from the repository root: npm ci, or run ./test.sh once)`);
  }
  if (missing.length) throw new StackError(`End-to-end tests cannot start; missing:\n  - ${missing.join('\n  - ')}`);
}

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

function run(command, args, options, what) {
  const started = Date.now();
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) throw new StackError(`${what}: could not run ${command}: ${result.error.message}`);
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-40).join('\n');
    throw new StackError(`${what} failed (exit ${result.status}):\n${output}`);
  }
  return Date.now() - started;
}

/** `vite build` of the add-in into addin/dist. */
export function buildAddin(log = console.log) {
  if (process.env.OFFICEFLOW_E2E_SKIP_BUILD === '1') {
    if (!existsSync(join(addinDir, 'dist', 'commands.html'))) throw new StackError('OFFICEFLOW_E2E_SKIP_BUILD=1 but addin/dist has no build (run: cd addin && npx vite build)');
    return;
  }
  log('e2e: vite build of the add-in…');
  const ms = run(process.execPath, [join(addinDir, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: addinDir }, 'vite build of the add-in');
  log(`e2e: add-in built in ${(ms / 1000).toFixed(1)} s`);
}

/** `dotnet build functions/OfficeFlow.Functions -c Release`. */
export function buildApp(log = console.log) {
  if (process.env.OFFICEFLOW_E2E_SKIP_DOTNET_BUILD === '1') {
    if (!existsSync(appDll)) throw new StackError(`OFFICEFLOW_E2E_SKIP_DOTNET_BUILD=1 but ${appDll} does not exist`);
    return;
  }
  log('e2e: dotnet build of the function app…');
  const ms = run('dotnet', ['build', appProject, '-c', 'Release', '--nologo', '-v', 'quiet'], { cwd: repoRoot }, 'dotnet build functions/OfficeFlow.Functions -c Release');
  log(`e2e: function app built in ${(ms / 1000).toFixed(1)} s`);
}

function waitForExitOrTimeout(child, ms) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(done, ms);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
  });
}

/** Ends one process we started, by its pid: SIGTERM, then SIGKILL after 5 s. */
async function stopProcess(child) {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(child.pid, 'SIGTERM');
  } catch {
    return;
  }
  await waitForExitOrTimeout(child, 5000);
  if (child.exitCode === null && child.signalCode === null) {
    try {
      process.kill(child.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
    await waitForExitOrTimeout(child, 2000);
  }
}

function startLogged(command, args, options, logFile) {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  const out = createWriteStream(logFile);
  const verbose = process.env.OFFICEFLOW_E2E_VERBOSE === '1';
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk) => {
      out.write(chunk);
      if (verbose) process.stderr.write(chunk);
    });
  }
  child.on('exit', () => out.end());
  return child;
}

async function waitFor(what, check, { timeoutMs, child, logFile }) {
  const deadline = Date.now() + timeoutMs;
  let last = null;
  while (Date.now() < deadline) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) {
      throw new StackError(`${what} exited (${child.exitCode ?? child.signalCode}) before it was ready. Its output:\n${tail(logFile)}`);
    }
    try {
      if (await check()) return;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new StackError(`${what} was not ready within ${timeoutMs / 1000} s${last ? ` (${last.message})` : ''}. Its output:\n${tail(logFile)}`);
}

function tail(file) {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-30).join('\n');
  } catch {
    return '(no output)';
  }
}

function tcpOpen(port) {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

/**
 * Builds (unless told not to) and starts Azurite and the app. Returns
 * { baseUrl, azuritePort, dataDir, stop() }; stop() ends both processes and deletes the temp folder.
 */
export async function startStack({ log = console.log, build = true } = {}) {
  if (process.env.OFFICEFLOW_E2E_BASE_URL) {
    const baseUrl = process.env.OFFICEFLOW_E2E_BASE_URL.replace(/\/$/, '');
    checkPrerequisites({ needApp: false });
    if (build) buildAddin(log);
    log(`e2e: using the running app at ${baseUrl}`);
    return { baseUrl, azuritePort: null, dataDir: null, stop: async () => {} };
  }
  checkPrerequisites();
  if (build) {
    buildAddin(log);
    buildApp(log);
  } else if (!existsSync(appDll)) {
    throw new StackError(`${appDll} does not exist: build it with dotnet build functions/OfficeFlow.Functions -c Release`);
  }

  const dataDir = mkdtempSync(join(tmpdir(), 'officeflow-e2e-'));
  const processes = [];
  const stop = async () => {
    for (const child of processes.reverse()) await stopProcess(child);
    if (process.env.OFFICEFLOW_E2E_KEEP === '1') log(`e2e: kept ${dataDir} (app.log, azurite.log)`);
    else rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const azuritePort = await freePort();
    const azuriteLog = join(dataDir, 'azurite.log');
    const azurite = startLogged(
      azuriteBin,
      ['--tableHost', '127.0.0.1', '--tablePort', String(azuritePort), '--inMemoryPersistence', '--disableTelemetry', '--skipApiVersionCheck', '--loose'],
      { cwd: dataDir, env: process.env },
      azuriteLog,
    );
    processes.push(azurite);
    await waitFor('Azurite', () => tcpOpen(azuritePort), { timeoutMs: 30_000, child: azurite, logFile: azuriteLog });

    const appPort = await freePort();
    const baseUrl = `http://127.0.0.1:${appPort}`;
    const appLog = join(dataDir, 'app.log');
    const app = startLogged('dotnet', [appDll], {
      cwd: dirname(appDll),
      env: {
        ...process.env,
        ...demoFirmEnv(),
        ASPNETCORE_ENVIRONMENT: 'Development',
        DOTNET_ENVIRONMENT: 'Development',
        Storage__ConnectionString: `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${azuriteKey};TableEndpoint=http://127.0.0.1:${azuritePort}/devstoreaccount1;`,
        Hosting__StandaloneUrl: baseUrl,
        Hosting__RunTimers: 'false',
        // The flows seed months through the API (hundreds of tasks by one manager in seconds); the per-user write
        // limit is the .NET suite's to test, not a brake on seeding.
        RateLimits__WritesPerMinute: '100000',
        Addin__Folder: join(addinDir, 'dist'),
        Local__DataFolder: join(dataDir, 'local'),
        DOTNET_NOLOGO: '1',
        DOTNET_CLI_TELEMETRY_OPTOUT: '1',
      },
    }, appLog);
    processes.push(app);
    await waitFor(`The function app (${baseUrl})`, async () => (await fetch(`${baseUrl}/api/health`)).ok, { timeoutMs: 60_000, child: app, logFile: appLog });
    log(`e2e: app at ${baseUrl} (Azurite on ${azuritePort}; logs in ${dataDir})`);
    return { baseUrl, azuritePort, dataDir, appLog, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
