// A server-side web app that reads a citizen's data with their consent: authorization code
// with PKCE, as a confidential client, with the SDK's helpers and nothing but node:http.
// Start the platform (`pnpm start`), register a sandbox app in the console with the redirect URI
// http://127.0.0.1:8976/callback, then:
//   IXIAMEN_CLIENT_ID=… IXIAMEN_CLIENT_SECRET=… pnpm --filter @ixiamen/example-citizen-consent start
// and open http://127.0.0.1:8976/.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import {
  ApiError,
  authorizeUrl,
  createPkcePair,
  createState,
  exchangeCode,
  IXiamen,
  OAuthError,
  parseCallback,
  userTokens,
} from '@ixiamen/sdk';

const port = Number(process.env.PORT ?? 8976);
// The platform's public base URL is also its issuer: the `iss` the callback must carry.
const baseUrl = (process.env.IXIAMEN_BASE_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
const issuer = baseUrl;
const redirectUri = process.env.REDIRECT_URI ?? `http://127.0.0.1:${port}/callback`;
const clientId = process.env.IXIAMEN_CLIENT_ID ?? '';
const clientSecret = process.env.IXIAMEN_CLIENT_SECRET ?? '';
const SCOPE = 'profile:read catalog:read';
const PURPOSE = '示例应用：展示你授权的权限范围和 i厦门 办事分类';
const SESSION_COOKIE = 'consent_example_session';
// As long as the platform keeps a pending authorization request.
const LOGIN_TTL_MS = 10 * 60 * 1000;

if (!clientId || !clientSecret) {
  console.error('Set IXIAMEN_CLIENT_ID and IXIAMEN_CLIENT_SECRET (a confidential app from the console).');
  process.exit(1);
}

/** The app's own client: the secret stays on this server and is sent with HTTP Basic. */
const oauthClient = { baseUrl, clientId, clientSecret };

/**
 * What this server remembers per browser, in memory: the login in progress (state and PKCE
 * verifier, never sent to the browser) and, once the citizen consented, their tokens.
 * @typedef {{ state: string, codeVerifier: string, expiresAt: number }} PendingLogin
 * @typedef {{ login?: PendingLogin, tokens?: import('@ixiamen/sdk').TokenResponse }} Session
 * @type {Map<string, Session>}
 */
const sessions = new Map();

/** @type {Record<string, string>} */
const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** @param {string} value */
const escapeHtml = (value) => value.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} title
 * @param {string} body HTML, already escaped
 */
function sendPage(res, status, title, body) {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
  });
  res.end(`<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,"PingFang SC",sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1c2430}
.error{color:#b42318}a.button{display:inline-block;padding:.6rem 1rem;border-radius:8px;background:#1f6feb;color:#fff;text-decoration:none}</style>
</head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`);
}

/**
 * The session named by this browser's cookie, if this server knows it.
 * @param {import('node:http').IncomingMessage} req
 * @returns {Session | undefined}
 */
function sessionOf(req) {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, value] = part.trim().split('=');
    const session = name === SESSION_COOKIE && value ? sessions.get(value) : undefined;
    if (session) return session;
  }
  return undefined;
}

/** @param {import('node:http').ServerResponse} res */
function newSession(res) {
  const id = randomBytes(32).toString('base64url');
  /** @type {Session} */
  const session = {};
  sessions.set(id, session);
  // HttpOnly: scripts cannot read it. SameSite=Lax: sent on the redirect back from the platform.
  const secure = redirectUri.startsWith('https:') ? '; Secure' : '';
  res.setHeader('set-cookie', `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax${secure}`);
  return session;
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
function home(req, res) {
  const granted = sessionOf(req)?.tokens?.scope;
  sendPage(
    res,
    200,
    'i厦门授权示例',
    `<p>本示例以机密客户端身份，经你本人同意后读取你的基本信息（<code>${SCOPE}</code>）。</p>
${granted ? `<p>你已授权：<code>${escapeHtml(granted)}</code></p>` : ''}
<p><a class="button" href="/login">用 i厦门 登录并授权</a></p>`,
  );
}

/**
 * Starts the authorization: a fresh PKCE pair and state, kept here, and the browser sent to
 * the platform's consent screen.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
async function login(req, res) {
  const session = sessionOf(req) ?? newSession(res);
  const pkce = await createPkcePair();
  const state = createState();
  session.login = { state, codeVerifier: pkce.codeVerifier, expiresAt: Date.now() + LOGIN_TTL_MS };
  const location = authorizeUrl({
    baseUrl,
    clientId,
    redirectUri,
    scope: SCOPE,
    state,
    codeChallenge: pkce.codeChallenge,
    purpose: PURPOSE,
  });
  res.writeHead(302, { location, 'cache-control': 'no-store' });
  res.end();
}

/**
 * The redirect back from the consent screen: check state and issuer, exchange the code, then
 * call the API with the citizen's token.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
async function callback(req, res) {
  const url = new URL(req.url ?? '/', redirectUri);
  const session = sessionOf(req);
  const login = session?.login;
  if (!session || !login || login.expiresAt < Date.now()) {
    sendPage(
      res,
      400,
      '登录已失效',
      '<p class="error">没有找到进行中的授权，请<a href="/login">重新开始</a>。</p>',
    );
    return;
  }
  // A state and a verifier are good for one callback only.
  session.login = undefined;

  let code;
  try {
    ({ code } = parseCallback(url, { state: login.state, issuer }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // parseCallback checked state and issuer before reporting the citizen's answer.
    if (error instanceof OAuthError && error.error === 'access_denied') {
      sendPage(
        res,
        403,
        '你没有授权',
        `<p>你在授权页面选择了拒绝（<code>access_denied</code>），本应用不会读取你的任何数据。</p>
<p><a href="/login">改变主意？重新授权</a></p>`,
      );
    } else {
      sendPage(
        res,
        400,
        '授权失败',
        `<p class="error">${escapeHtml(message)}</p><p><a href="/login">重试</a></p>`,
      );
    }
    return;
  }

  try {
    const tokens = await exchangeCode(oauthClient, { code, redirectUri, codeVerifier: login.codeVerifier });
    // Tokens stay on this server, never in the browser. A real app keeps them in its database
    // (encrypted), keyed by its own user. Refresh tokens rotate on every use: keep the newest.
    session.tokens = tokens;
    const cache = userTokens(oauthClient, tokens, (next) => {
      session.tokens = next;
    });
    const client = new IXiamen({ baseUrl, tokens: cache });
    const { data } = await client.catalog.listCategories();
    sendPage(
      res,
      200,
      '授权成功',
      `<p>你授予本应用的权限范围：<code data-scope>${escapeHtml(tokens.scope)}</code></p>
<p>用你的访问令牌读取到 <strong data-category-count>${data.length}</strong> 个办事分类：</p>
<ul>${data.map((c) => `<li>${escapeHtml(c.name)}（${c.serviceCount} 项）</li>`).join('')}</ul>
<p>可以随时在 i厦门开放平台控制台的「我的授权」中撤回这项授权。</p>`,
    );
  } catch (error) {
    if (error instanceof OAuthError) {
      sendPage(
        res,
        502,
        '换取令牌失败',
        `<p class="error">${escapeHtml(`${error.error}: ${error.description ?? ''}`)}</p>`,
      );
    } else if (error instanceof ApiError) {
      sendPage(
        res,
        502,
        '调用接口失败',
        `<p class="error">${escapeHtml(`${error.status} ${error.code} (${error.requestId})`)}</p>`,
      );
    } else {
      throw error;
    }
  }
}

/** @type {Record<string, (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => unknown>} */
const routes = { '/': home, '/login': login, '/callback': callback };

const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  const route = req.method === 'GET' && Object.hasOwn(routes, path) ? routes[path] : undefined;
  if (!route) {
    sendPage(res, 404, '页面不存在', '<p><a href="/">返回首页</a></p>');
    return;
  }
  Promise.resolve(route(req, res)).catch((error) => {
    console.error(error);
    if (!res.headersSent)
      sendPage(res, 500, '出错了', '<p class="error">示例应用内部错误，详见终端日志。</p>');
  });
});

// Forget sessions that hold no tokens and no login still in time.
setInterval(() => {
  for (const [id, session] of sessions) {
    if (!session.tokens && !(session.login && session.login.expiresAt > Date.now())) sessions.delete(id);
  }
}, 60_000).unref();

server.listen(port, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${port}`));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
