import useDocusaurusContext from '@docusaurus/useDocusaurusContext';

interface ConsoleConfig {
  apiBaseUrl: string;
}

let pending: Promise<ConsoleConfig> | undefined;

/**
 * The API's address is deployment configuration, so the static build reads it at run time from
 * /console-config.json, once per page load.
 */
export function loadConsoleConfig(url: string): Promise<ConsoleConfig> {
  pending ??= fetch(url, { cache: 'no-cache' })
    .then(async (res) => {
      if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
      const config = (await res.json()) as Partial<ConsoleConfig>;
      if (typeof config.apiBaseUrl !== 'string') throw new Error(`${url}: apiBaseUrl is missing`);
      return { apiBaseUrl: config.apiBaseUrl.replace(/\/+$/, '') };
    })
    .catch((err: unknown) => {
      // A failed load is not cached, so that the next attempt asks again.
      pending = undefined;
      throw err;
    });
  return pending;
}

/** One file at the site root serves every locale: the default locale's base URL is the root. */
export function useConsoleConfigUrl(): string {
  const { siteConfig, i18n } = useDocusaurusContext();
  const root = i18n.localeConfigs[i18n.defaultLocale]?.baseUrl ?? siteConfig.baseUrl;
  return `${root.replace(/\/?$/, '/')}console-config.json`;
}
