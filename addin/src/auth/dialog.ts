// Fallback sign-in for Office without nested app authentication (older perpetual Office):
// MSAL runs in an Office dialog (auth-dialog.html, same origin) and sends the access token back
// with messageParent.
import type { AddinConfig } from '../api/config';

export function acquireTokenInDialog(config: AddinConfig): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const url = new URL('auth-dialog.html', document.baseURI);
    url.searchParams.set('clientId', config.auth.clientId ?? '');
    url.searchParams.set('authority', config.auth.authority ?? '');
    url.searchParams.set('scope', config.auth.scope ?? '');
    Office.context.ui.displayDialogAsync(url.toString(), { height: 60, width: 30 }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        reject(new Error(result.error.message));
        return;
      }
      const dialog = result.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        dialog.close();
        const message = 'message' in arg ? JSON.parse(arg.message) : { error: 'closed' };
        if (message.accessToken) resolve(message.accessToken as string);
        else reject(new Error(message.error ?? 'sign-in failed'));
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve(null));
    });
  });
}
