// The page inside Office's sign-in dialog (fallback when nested app auth is missing): MSAL with a
// redirect, then the access token goes back to the pane through messageParent.
import { PublicClientApplication } from '@azure/msal-browser';

async function main(): Promise<void> {
  await new Promise<void>((resolve) => Office.onReady(() => resolve()));
  const params = new URL(location.href).searchParams;
  const scope = params.get('scope') ?? sessionStorage.getItem('officeflow.scope') ?? '';
  sessionStorage.setItem('officeflow.scope', scope);
  const app = new PublicClientApplication({
    auth: {
      clientId: params.get('clientId') ?? sessionStorage.getItem('officeflow.clientId') ?? '',
      authority: params.get('authority') ?? sessionStorage.getItem('officeflow.authority') ?? '',
      redirectUri: new URL('auth-dialog.html', location.href).toString(),
    },
  });
  for (const key of ['clientId', 'authority'] as const) {
    const value = params.get(key);
    if (value) sessionStorage.setItem(`officeflow.${key}`, value);
  }
  await app.initialize();
  try {
    const result = await app.handleRedirectPromise();
    if (result?.accessToken) {
      Office.context.ui.messageParent(JSON.stringify({ accessToken: result.accessToken }));
      return;
    }
    await app.acquireTokenRedirect({ scopes: [scope] });
  } catch (error) {
    Office.context.ui.messageParent(JSON.stringify({ error: String(error) }));
  }
}

void main();
