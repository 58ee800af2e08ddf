import { escapeHtml, page } from './html.js';

/** A short error page: the OAuth error code and description only, never a stack trace. */
export function errorPage(error: string, description?: string): string {
  return page(
    '出错了 · Error',
    `<h1>出错了 Something went wrong</h1>
<p class="code">${escapeHtml(error)}</p>
${description ? `<p>${escapeHtml(description)}</p>` : ''}`,
  );
}
