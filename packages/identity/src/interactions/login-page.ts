import type { IdentityKind, TestIdentity } from '../identities/test-identities.js';
import { escapeHtml, page } from './html.js';

export const LOGIN_TITLE = 'i厦门 统一身份认证（开发环境）';

const GROUPS: [IdentityKind, string][] = [
  ['citizen', '市民 Citizens'],
  ['company', '企业代表 Company representatives'],
  ['official', '工作人员 Officials'],
  ['admin', '管理员 Administrators'],
];

export function maskIdNumber(idNumber: string): string {
  return `${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`;
}

function identityButton(identity: TestIdentity): string {
  const sub = escapeHtml(identity.sub);
  const org = identity.orgName ? `<span class="meta">${escapeHtml(identity.orgName)}</span>` : '';
  return `<button type="submit" name="sub" value="${sub}" data-sub="${sub}">
<span class="name">${escapeHtml(identity.name)}</span>
<span class="meta code">${escapeHtml(maskIdNumber(identity.idNumber))}</span>${org}
</button>`;
}

/** The identity picker shown on a login prompt. */
export function loginPage(uid: string, clientId: string, identities: readonly TestIdentity[]): string {
  const base = `/interaction/${encodeURIComponent(uid)}`;
  const groups = GROUPS.map(([kind, label]) => {
    const buttons = identities.filter((identity) => identity.kind === kind).map(identityButton);
    return buttons.length ? `<h2>${label}</h2>\n<div class="grid">\n${buttons.join('\n')}\n</div>` : '';
  }).join('\n');
  return page(
    LOGIN_TITLE,
    `<h1>${LOGIN_TITLE}</h1>
<p>这是开发环境的身份认证服务，请选择一个测试身份登录。This is the development identity provider: pick a test identity to sign in.</p>
<p>应用 Client: <span class="code">${escapeHtml(clientId)}</span></p>
<form method="post" action="${escapeHtml(`${base}/login`)}">
${groups}
</form>
<p class="actions"><a href="${escapeHtml(`${base}/abort`)}">取消 Cancel</a></p>`,
  );
}
