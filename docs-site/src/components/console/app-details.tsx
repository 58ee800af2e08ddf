import { useResource } from '@site/src/console/use-resource';
import type { Session } from '@site/src/console/use-session';
import { type ReactNode, useCallback } from 'react';
import { ApiKeysSection } from './api-keys-section';
import { AppEditForm } from './app-edit-form';
import { AppSummary } from './app-summary';
import { AppUsageSections } from './app-usage-sections';
import { ClientSecretsSection } from './client-secrets-section';
import { DeleteAppSection } from './delete-app-section';
import { Loading } from './loading';
import { ProblemAlert } from './problem-alert';

/** One app: its details, its credentials, usage and subscriptions, the edit form and the way to delete it. */
export function AppDetails({ session, appId }: { session: Session; appId: string }): ReactNode {
  const { api, me } = session;
  const app = useResource(useCallback(() => api.getApp(appId), [api, appId]));
  const credentials = useResource(useCallback(() => api.credentials(appId), [api, appId]));

  const problem = app.problem ?? credentials.problem;
  if (problem) return <ProblemAlert problem={problem} />;
  if (!app.data || !credentials.data) return <Loading />;
  return (
    <>
      <AppSummary app={app.data} org={me.orgs.find((org) => org.id === app.data?.orgId)} />
      {app.data.clientType === 'confidential' && (
        <ClientSecretsSection
          api={api}
          appId={appId}
          secrets={credentials.data.clientSecrets}
          onChange={credentials.reload}
        />
      )}
      <ApiKeysSection api={api} appId={appId} keys={credentials.data.apiKeys} onChange={credentials.reload} />
      <AppUsageSections api={api} app={app.data} />
      <AppEditForm api={api} app={app.data} onSaved={app.reload} />
      <DeleteAppSection api={api} app={app.data} />
    </>
  );
}
