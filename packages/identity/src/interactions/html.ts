import type { ServerResponse } from 'node:http';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

const STYLE = `
  *{box-sizing:border-box}
  body{margin:0;background:#f3f6f9;color:#1f2933;font:15px/1.6 -apple-system,BlinkMacSystemFont,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif}
  main{max-width:880px;margin:32px auto;padding:0 16px}
  h1{font-size:22px;margin:0 0 4px}
  h2{font-size:16px;margin:24px 0 8px;color:#0b5cad}
  p{margin:4px 0;color:#52606d}
  .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(240px,1fr));gap:10px}
  button{display:block;width:100%;text-align:left;padding:10px 14px;border:1px solid #cbd2d9;border-radius:8px;background:#fff;font:inherit;cursor:pointer}
  button:hover,button:focus{border-color:#0b5cad;outline:none;box-shadow:0 0 0 3px #d3e5f8}
  .name{font-weight:600;font-size:16px}
  .meta{display:block;color:#616e7c;font-size:13px}
  .code{font-family:ui-monospace,Menlo,Consolas,monospace}
  .actions{margin-top:24px}
  a{color:#0b5cad}
`;

/** A complete page: everything inline so the provider needs no static assets. */
export function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body><main>
${body}
</main></body>
</html>`;
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    // Inline styles only; never framed, so the identity picker cannot be click-jacked.
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  });
  res.end(html);
}
