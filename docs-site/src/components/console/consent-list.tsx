import Translate from '@docusaurus/Translate';
import type { ConsoleApi } from '@site/src/console/console-api';
import { useResource } from '@site/src/console/use-resource';
import type { ReactNode } from 'react';
import { ConsentCard } from './consent-card';
import { Loading } from './loading';
import { ProblemAlert } from './problem-alert';

/** Every authorisation the signed-in citizen gave, withdrawn ones included. */
export function ConsentList({ api }: { api: ConsoleApi }): ReactNode {
  const consents = useResource(api.listConsents);
  if (consents.problem) return <ProblemAlert problem={consents.problem} />;
  if (!consents.data) return <Loading />;
  if (consents.data.length === 0) {
    return (
      <div className="alert alert--info" data-testid="no-consents">
        <Translate id="console.consents.empty">
          暂无授权。当你在第三方应用中同意它读取你的数据后，授权会列在这里，你可以随时撤回。
        </Translate>
      </div>
    );
  }
  return (
    <div data-testid="consent-list">
      {consents.data.map((consent) => (
        <ConsentCard key={consent.id} api={api} consent={consent} onWithdrawn={consents.reload} />
      ))}
    </div>
  );
}
