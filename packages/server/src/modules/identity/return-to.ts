/**
 * Where the browser may go after signing in: a path on this server, or a page of the portal.
 * Anything else (another host, `//evil`, `javascript:`) is refused, so sign-in is no open redirect.
 */
export function safeReturnTo(value: string | undefined, portalOrigin: string): string | undefined {
  if (!value) return `${portalOrigin}/console`;
  if (value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\')) return value;
  try {
    const url = new URL(value);
    return url.origin === portalOrigin ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}
