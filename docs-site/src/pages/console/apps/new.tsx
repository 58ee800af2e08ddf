import Link from '@docusaurus/Link';
import Translate, { translate } from '@docusaurus/Translate';
import { AppCreatedPanel } from '@site/src/components/console/app-created-panel';
import { ConsolePage } from '@site/src/components/console/console-page';
import { CreateAppForm } from '@site/src/components/console/create-app-form';
import type { AppCreated } from '@site/src/console/types';
import type { Session } from '@site/src/console/use-session';
import { type ReactNode, useState } from 'react';

function NewApp({ session }: { session: Session }): ReactNode {
  const [created, setCreated] = useState<AppCreated>();
  if (created) return <AppCreatedPanel created={created} />;
  if (session.me.orgs.length === 0) {
    return (
      <div className="alert alert--info" role="status">
        <Translate
          id="console.newApp.noOrg"
          values={{
            link: (
              <Link to="/console">
                <Translate id="console.newApp.createOrg">在控制台创建组织</Translate>
              </Link>
            ),
          }}
        >
          {'应用属于发布者组织，请先{link}。'}
        </Translate>
      </div>
    );
  }
  return <CreateAppForm session={session} onCreated={setCreated} />;
}

export default function NewAppPage(): ReactNode {
  return (
    <ConsolePage
      nested
      title={translate({ id: 'console.newApp.title', message: '注册应用' })}
      description={translate({
        id: 'console.newApp.description',
        message: '注册一个使用 i厦门开放平台 API 的应用，领取 client_id 和客户端密钥。',
      })}
    >
      {(session) => <NewApp session={session} />}
    </ConsolePage>
  );
}
