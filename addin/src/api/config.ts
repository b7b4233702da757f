// How a pane finds its API and signs in: config.json beside the pages. Locally the standalone
// host generates it from its own settings; in Azure the deploy renders it with the manifest.
export interface AddinConfig {
  apiBase: string;
  auth: {
    mode: 'Development' | 'EntraId';
    clientId: string | null;
    authority: string | null;
    scope: string | null;
  };
}

let loaded: Promise<AddinConfig> | null = null;

export function loadConfig(): Promise<AddinConfig> {
  // The server sends config.json with Cache-Control: no-cache; the page preloads it (link rel=preload).
  loaded ??= fetch(new URL('config.json', document.baseURI)).then(async (r) => {
    if (!r.ok) throw new Error(`config.json: ${r.status}`);
    return (await r.json()) as AddinConfig;
  });
  loaded.catch(() => (loaded = null));
  return loaded;
}

/** For tests: a config without fetching. */
export function setConfig(config: AddinConfig): void {
  loaded = Promise.resolve(config);
}
