// The signed-in user, shared by every pane and the ribbon command of the add-in's origin.
// Development: the token from the local app's development sign-in, kept in localStorage (the
// function command reads it there). Entra ID: MSAL nested app authentication, which keeps its
// own cache; nothing of ours is stored.
import { useSyncExternalStore } from 'react';
import { loadConfig } from '../api/config';
import { isExpired, readClaims, type TokenClaims } from './token';

const storageKey = 'officeflow.devToken';
const listeners = new Set<() => void>();
let entraToken: string | null = null;
let snapshot: TokenClaims | null = currentClaims();

export type Role = 'manager' | 'accountant' | 'admin';

export async function getAccessToken(): Promise<string | null> {
  const config = await loadConfig();
  if (config.auth.mode === 'Development') {
    const token = storage()?.getItem(storageKey) ?? null;
    return token && !isExpired(readClaims(token)) ? token : null;
  }
  const { acquireApiToken } = await import('./naa');
  entraToken = await acquireApiToken(config, { interactive: false });
  changed();
  return entraToken;
}

/** Entra ID: the sign-in button (a popup, or Office's dialog where nested app auth is missing). */
export async function signInInteractive(): Promise<void> {
  const config = await loadConfig();
  const { acquireApiToken } = await import('./naa');
  entraToken = await acquireApiToken(config, { interactive: true });
  changed();
}

/** Development: stores the token the local app issued (POST /api/dev/token). */
export function storeDevelopmentToken(token: string): void {
  storage()?.setItem(storageKey, token);
  changed();
}

export function signOut(): void {
  storage()?.removeItem(storageKey);
  entraToken = null;
  changed();
}

export function currentClaims(): TokenClaims | null {
  const token = entraToken ?? storage()?.getItem(storageKey) ?? null;
  const claims = token ? readClaims(token) : null;
  return isExpired(claims) ? null : claims;
}

export function hasRole(claims: TokenClaims | null, ...roles: Role[]): boolean {
  return !!claims && roles.some((r) => claims.roles.includes(r));
}

/** The signed-in user's claims; re-renders on sign-in, sign-out and in other panes (storage event). */
export function useSession(): TokenClaims | null {
  return useSyncExternalStore(subscribe, () => snapshot);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => e.key === storageKey && changed();
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

function changed(): void {
  const next = currentClaims();
  // A new object only when something a pane shows changed (useSyncExternalStore compares by identity).
  const same = next?.userId === snapshot?.userId && next?.expiresAt === snapshot?.expiresAt && next?.name === snapshot?.name && next?.roles.join() === snapshot?.roles.join();
  if (!same) snapshot = next;
  listeners.forEach((l) => l());
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
