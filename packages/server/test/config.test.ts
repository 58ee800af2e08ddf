import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('happy: unset means the embedded default', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      PGLITE_DIR: '.data/pglite',
      LOG_LEVEL: 'info',
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.REDIS_URL).toBeUndefined();
  });

  it('happy: per-IP limits default to 300 token, 60 authorization and 30 sign-in calls a minute', () => {
    expect(loadConfig({})).toMatchObject({
      IP_LIMIT_TOKEN_PER_MINUTE: 300,
      IP_LIMIT_AUTHORIZE_PER_MINUTE: 60,
      IP_LIMIT_SIGN_IN_PER_MINUTE: 30,
    });
    expect(loadConfig({ IP_LIMIT_SIGN_IN_PER_MINUTE: '10' }).IP_LIMIT_SIGN_IN_PER_MINUTE).toBe(10);
  });

  it('error: a per-IP limit must allow at least one call', () => {
    expect(() => loadConfig({ IP_LIMIT_TOKEN_PER_MINUTE: '0' })).toThrow(
      /IP_LIMIT_TOKEN_PER_MINUTE=0: .*greater or equal to 1/,
    );
  });

  it('security: trusted proxies are addresses or CIDRs, never a wildcard', () => {
    expect(loadConfig({}).TRUST_PROXY).toBeUndefined();
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).TRUST_PROXY).toBe('10.0.0.0/8, 127.0.0.1');
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY="true": addresses or CIDRs/);
  });

  it('happy: reads and converts set values', () => {
    const config = loadConfig({ PORT: '8080', DATABASE_URL: 'postgres://u@db:5432/x', LOG_LEVEL: 'warn' });
    expect(config).toMatchObject({ PORT: 8080, DATABASE_URL: 'postgres://u@db:5432/x', LOG_LEVEL: 'warn' });
  });

  it('error: names every bad variable and why', () => {
    const attempt = () => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', REDIS_URL: 'localhost:6379' });
    expect(attempt).toThrow(ConfigError);
    const message = (() => {
      try {
        attempt();
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(message).toContain('PORT="eighty"');
    expect(message).toContain('LOG_LEVEL="loud"');
    expect(message).toContain('REDIS_URL=(hidden): a redis or rediss URL');
  });

  it('security: a bad database URL is reported without echoing its password', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://admin:hunter2@db/x' })).toThrow(
      /DATABASE_URL=\(hidden\)/,
    );
    try {
      loadConfig({ DATABASE_URL: 'mysql://admin:hunter2@db/x' });
    } catch (e) {
      expect((e as Error).message).not.toContain('hunter2');
    }
  });
});
