import Translate from '@docusaurus/Translate';
import { signInUrl } from '@site/src/console/sign-in-url';
import type { ReactNode } from 'react';

/** Shown to visitors without a session; only rendered in the browser, so `window` is there. */
export function SignInPanel({ apiBaseUrl }: { apiBaseUrl: string }): ReactNode {
  // Back to this very page (its locale and query included), which is on the portal's origin.
  const { origin, pathname, search } = window.location;
  return (
    <div className="card shadow--md">
      <div className="card__header">
        <h2>
          <Translate id="console.signIn.title">登录控制台</Translate>
        </h2>
      </div>
      <div className="card__body">
        <p>
          <Translate id="console.signIn.developers">
            应用发布者在控制台创建组织、注册应用、领取和轮换客户端密钥与 API Key。
          </Translate>
        </p>
        <p>
          <Translate id="console.signIn.citizens">
            市民可以在“我的授权”中查看授权给第三方应用的数据访问，并随时撤回。
          </Translate>
        </p>
        <p>
          <Translate id="console.signIn.identity">
            控制台使用 i厦门 统一身份认证（实名），平台不会获得你的登录密码。
          </Translate>
        </p>
      </div>
      <div className="card__footer">
        <a
          className="button button--primary button--lg"
          data-testid="sign-in"
          href={signInUrl(apiBaseUrl, origin + pathname + search)}
        >
          <Translate id="console.signIn.button">使用 i厦门 统一身份认证登录</Translate>
        </a>
      </div>
    </div>
  );
}
