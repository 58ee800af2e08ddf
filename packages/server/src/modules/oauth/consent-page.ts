import { SCOPES, type Scope } from '../../platform/auth/scopes.js';

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const STYLE = `body{font-family:system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;background:#f4f6fa;margin:0;color:#1c2430}
main{max-width:30rem;margin:3rem auto;background:#fff;border-radius:12px;padding:2rem;box-shadow:0 2px 12px rgba(0,0,0,.08)}
h1{font-size:1.3rem;margin:0 0 .25rem}.muted{color:#5b6675;font-size:.9rem}ul{padding-left:1.2rem}li{margin:.4rem 0}
.row{display:flex;gap:.75rem;margin-top:1.5rem}button{flex:1;padding:.7rem;border-radius:8px;border:1px solid #1f6feb;font-size:1rem;cursor:pointer}
.approve{background:#1f6feb;color:#fff}.deny{background:#fff;color:#1f6feb}`;

function page(title: string, body: string) {
  return `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

export interface ConsentView {
  requestId: string;
  csrfToken: string;
  appName: string;
  publisher: string;
  environment: string;
  scopes: string[];
  purpose: string;
  validDays: number;
  citizenName: string;
}

/** The consent screen: who asks, for what data, why and for how long, in plain Chinese. */
export function consentPage(view: ConsentView): string {
  const scopes = view.scopes
    .map(
      (s) =>
        `<li data-scope="${escapeHtml(s)}">${escapeHtml(SCOPES[s as Scope]?.zh ?? s)} <span class="muted">(${escapeHtml(s)})</span></li>`,
    )
    .join('');
  const sandbox = view.environment === 'sandbox' ? '<p class="muted">这是一个沙箱（测试）应用。</p>' : '';
  return page(
    `授权 ${view.appName}`,
    `<h1 data-app-name>「${escapeHtml(view.appName)}」请求访问你的数据</h1>
<p class="muted">开发者：<span data-publisher>${escapeHtml(view.publisher)}</span>　·　你好，${escapeHtml(view.citizenName)}</p>${sandbox}
<p>该应用将获得以下权限：</p><ul>${scopes}</ul>
<p>用途：<span data-purpose>${escapeHtml(view.purpose)}</span></p>
<p>授权有效期：<span data-valid-days>${view.validDays}</span> 天。你可以随时在「我的授权」中撤回。</p>
<form method="post" action="/oauth/authorize">
<input type="hidden" name="request" value="${escapeHtml(view.requestId)}"><input type="hidden" name="csrf" value="${escapeHtml(view.csrfToken)}">
<div class="row"><button class="deny" type="submit" name="decision" value="deny" data-decision="deny">拒绝</button><button class="approve" type="submit" name="decision" value="approve" data-decision="approve">同意授权</button></div>
</form>`,
  );
}

/** An error that must not go to an unverified redirect URI is shown to the person instead. */
export function errorPage(message: string, title = '授权请求无效'): string {
  return page(
    title,
    `<h1>${escapeHtml(title)}</h1><p data-error>${escapeHtml(message)}</p><p class="muted">请返回应用重试，或联系应用开发者。</p>`,
  );
}
