import type { ConsoleApi } from '@site/src/console/console-api';
import type { App } from '@site/src/console/types';
import { useResource } from '@site/src/console/use-resource';
import type { ReactNode } from 'react';
import { ProblemAlert } from './problem-alert';
import { SubscriptionsSection } from './subscriptions-section';
import { UsageSection } from './usage-section';
import { useProductName } from './use-product-name';

/** An app's usage and subscriptions, which both name products as the platform's catalogue does. */
export function AppUsageSections({ api, app }: { api: ConsoleApi; app: App }): ReactNode {
  const catalogue = useResource(api.listProducts);
  const productName = useProductName(catalogue.data?.products);
  return (
    <>
      <UsageSection api={api} appId={app.id} productName={productName} />
      {catalogue.problem && <ProblemAlert problem={catalogue.problem} />}
      {catalogue.data && (
        <SubscriptionsSection
          api={api}
          appId={app.id}
          environment={app.environment}
          catalogue={catalogue.data}
          productName={productName}
        />
      )}
    </>
  );
}
