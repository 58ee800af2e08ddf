import { useCallback, useEffect, useState } from 'react';
import { type AdminApi, adminApi } from './admin-api';
import { apiClient } from './api-client';
import { type ConsoleApi, consoleApi } from './console-api';
import { loadConsoleConfig, useConsoleConfigUrl } from './console-config';
import { isSignedOut, type Problem, toProblem } from './problem';
import type { Me } from './types';

export interface Session {
  me: Me;
  /** Bound to this session's CSRF token. */
  api: ConsoleApi;
  /** The admin API on the same client; it answers 403 unless the account has the admin role. */
  admin: AdminApi;
  /** Reads the account again, e.g. after creating an organisation or signing out. */
  refresh: () => Promise<void>;
}

type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; apiBaseUrl: string }
  | { status: 'failed'; problem: Problem }
  | { status: 'signed-in'; session: Session };

/** Who is signed in, read in the browser only: the static build renders the loading state. */
export function useSession(): SessionState {
  const configUrl = useConsoleConfigUrl();
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const load = useCallback(async (): Promise<void> => {
    let apiBaseUrl: string;
    try {
      ({ apiBaseUrl } = await loadConsoleConfig(configUrl));
    } catch (err) {
      setState({ status: 'failed', problem: { ...toProblem(err), code: 'config_unavailable' } });
      return;
    }
    try {
      const me = await consoleApi(apiClient(apiBaseUrl)).me();
      const client = apiClient(apiBaseUrl, me.csrfToken);
      setState({
        status: 'signed-in',
        session: { me, api: consoleApi(client), admin: adminApi(client), refresh: load },
      });
    } catch (err) {
      setState(
        isSignedOut(err)
          ? { status: 'signed-out', apiBaseUrl }
          : { status: 'failed', problem: toProblem(err) },
      );
    }
  }, [configUrl]);

  useEffect(() => {
    void load();
  }, [load]);
  return state;
}
