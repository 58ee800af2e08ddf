import Translate, { translate } from '@docusaurus/Translate';
import { ConsentList } from '@site/src/components/console/consent-list';
import { ConsolePage } from '@site/src/components/console/console-page';
import type { ReactNode } from 'react';

export default function AuthorizationsPage(): ReactNode {
  return (
    <ConsolePage
      nested
      title={translate({ id: 'console.consents.title', message: '我的授权' })}
      description={translate({
        id: 'console.consents.description',
        message: '查看你授权给第三方应用的数据访问，并随时撤回。',
      })}
    >
      {(session) => (
        <>
          <p>
            <Translate id="console.consents.lead">
              这里列出你同意过的应用：它们能读取你的哪些数据、用于什么目的、授权到何时。撤回后，应用将无法再读取这些数据。
            </Translate>
          </p>
          <ConsentList api={session.api} />
        </>
      )}
    </ConsolePage>
  );
}
