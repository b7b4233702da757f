// Entra ID sign-in: MSAL.js nested app authentication where Office supports it (NestedAppAuth 1.1),
// otherwise MSAL in an Office dialog (auth-dialog.html). Loaded only in Entra ID mode, so the
// development build does not carry MSAL.
import type { IPublicClientApplication } from '@azure/msal-browser';
import type { AddinConfig } from '../api/config';
import { supportsNestedAppAuth } from '../office/host';
import { acquireTokenInDialog } from './dialog';

let app: Promise<IPublicClientApplication> | null = null;

export async function acquireApiToken(config: AddinConfig, { interactive }: { interactive: boolean }): Promise<string | null> {
  const { clientId, authority, scope } = config.auth;
  if (!clientId || !authority || !scope) throw new Error('config.json: auth.clientId, auth.authority and auth.scope are required in Entra ID mode');
  if (!supportsNestedAppAuth()) {
    return interactive ? acquireTokenInDialog(config) : null;
  }
  const msal = await import('@azure/msal-browser');
  app ??= msal.createNestablePublicClientApplication({ auth: { clientId, authority } });
  const client = await app;
  const request = { scopes: [scope] };
  try {
    // The access token for the API's own scope — never the ID token.
    return (await client.acquireTokenSilent(request)).accessToken;
  } catch (error) {
    if (!interactive && !(error instanceof msal.InteractionRequiredAuthError)) throw error;
    if (!interactive) return null;
    return (await client.acquireTokenPopup(request)).accessToken;
  }
}
