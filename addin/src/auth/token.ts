// Reads the claims a pane shows (who is signed in, with which roles, until when) from an access
// token. The API validates the token; the pane only displays what it says.
export interface TokenClaims {
  userId: string;
  name: string;
  roles: string[];
  expiresAt: number; // epoch ms
}

export function readClaims(token: string): TokenClaims | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const json = new TextDecoder().decode(Uint8Array.from(atob(part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=')), (c) => c.charCodeAt(0)));
    const claims = JSON.parse(json) as Record<string, unknown>;
    const roles = claims.roles ?? claims.role ?? [];
    return {
      userId: String(claims.oid ?? claims.sub ?? ''),
      name: String(claims.name ?? claims.preferred_username ?? claims.sub ?? ''),
      roles: Array.isArray(roles) ? roles.map(String) : [String(roles)],
      expiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : 0,
    };
  } catch {
    return null;
  }
}

/** A token that expires within a minute is treated as expired, so a request never leaves with it. */
export function isExpired(claims: TokenClaims | null, now = Date.now()): boolean {
  return !claims || claims.expiresAt - 60_000 <= now;
}
