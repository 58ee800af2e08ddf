import { useLocation } from '@docusaurus/router';
import Translate, { translate } from '@docusaurus/Translate';
import { AppDetails } from '@site/src/components/console/app-details';
import { ConsolePage } from '@site/src/components/console/console-page';
import type { ReactNode } from 'react';

/** An app's page; the static build has one page for every app, which is named in `?id=`. */
export default function AppPage(): ReactNode {
  const appId = new URLSearchParams(useLocation().search).get('id');
  return (
    <ConsolePage
      nested
      title={translate({ id: 'console.appPage.title', message: '应用详情' })}
      description={translate({
        id: 'console.appPage.description',
        message: '应用的详情、回调地址、客户端密钥和 API Key。',
      })}
    >
      {(session) =>
        appId ? (
          <AppDetails session={session} appId={appId} />
        ) : (
          <div className="alert alert--warning" role="alert">
            <Translate id="console.appPage.noId">
              地址中缺少应用 ID（?id=）。请从控制台的应用列表进入。
            </Translate>
          </div>
        )
      }
    </ConsolePage>
  );
}
