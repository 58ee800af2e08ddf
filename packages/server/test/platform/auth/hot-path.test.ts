import { openTestDatabase } from '@ixiamen/db/testing';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/app.js';
import { provisionApp } from '../../../src/testing.js';
import { tokenRequest } from '../../helpers/oauth-flow.js';

describe('the hot path', () => {
  it('happy: once warm, authenticated public reads need no database: they still answer with it closed', async () => {
    const database = await openTestDatabase();
    const app = await buildApp({ database, config: { LOG_LEVEL: 'silent' } });
    const creds = await provisionApp(app);
    const jwt = (await tokenRequest(app, creds, { grant_type: 'client_credentials' })).json().access_token;
    const calls = [
      { url: '/v1/categories', headers: { authorization: `Bearer ${jwt}` } },
      { url: '/v1/services/jifen-ruxue', headers: { 'x-api-key': creds.apiKey } },
      { url: '/v1/search?q=%E7%A4%BE%E4%BF%9D', headers: { 'x-api-key': creds.apiKey } },
    ];
    for (const call of calls) expect((await app.inject({ method: 'GET', ...call })).statusCode).toBe(200);

    await database.close();
    for (const call of calls)
      expect((await app.inject({ method: 'GET', ...call })).statusCode, call.url).toBe(200);
    await app.close();
  });
});
