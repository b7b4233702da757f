// A development-style JWT for unit tests: only the claims the add-in reads (the API is not involved).
export function devToken({ roles = ['manager'], name = 'Иван Иванов', sub = 'ivanov', expiresInSeconds = 3600 }: { roles?: string[]; name?: string; sub?: string; expiresInSeconds?: number } = {}): string {
  const encode = (value: object) =>
    btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
  const exp = Math.floor(Date.now() / 1000) + expiresInSeconds;
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ sub, name, roles, exp, scp: 'access_as_user' })}.signature`;
}
