// Where the pane runs. Office.js comes from Microsoft's CDN (store rule); in a plain browser it is
// absent or reports no host, and the pane says so and still works against the API.
export type OfficeHost = 'outlook' | 'excel' | null;

export interface OfficeContextInfo {
  host: OfficeHost;
  displayLanguage: string | undefined;
}

/** Resolves once Office.js is ready, or with host null when it is missing or does not answer in time. */
export function whenOfficeReady(timeoutMs = 3000): Promise<OfficeContextInfo> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office?.onReady) return Promise.resolve({ host: null, displayLanguage: navigator.language });
  return Promise.race([
    office.onReady().then((info) => ({
      host: info.host === office.HostType.Outlook ? 'outlook' : info.host === office.HostType.Excel ? 'excel' : null,
      displayLanguage: office.context?.displayLanguage ?? navigator.language,
    }) as OfficeContextInfo),
    new Promise<OfficeContextInfo>((resolve) => setTimeout(() => resolve({ host: null, displayLanguage: navigator.language }), timeoutMs)),
  ]);
}

export function isSetSupported(name: string, version: string): boolean {
  try {
    return !!Office?.context?.requirements?.isSetSupported(name, version);
  } catch {
    return false;
  }
}

export const supportsNestedAppAuth = () => isSetSupported('NestedAppAuth', '1.1');

/** Office's callback APIs as promises; the error keeps Office's message for the log. */
export function officeAsync<T>(call: (callback: (result: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    call((result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) resolve(result.value);
      else reject(new Error(result.error?.message ?? 'Office call failed'));
    });
  });
}
