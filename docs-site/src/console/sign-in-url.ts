/** The API starts the identity service's sign-in and sends the browser back to `returnTo`. */
export function signInUrl(apiBaseUrl: string, returnTo: string): string {
  return `${apiBaseUrl}/auth/login?returnTo=${encodeURIComponent(returnTo)}`;
}
