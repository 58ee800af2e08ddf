// Lists the i厦门 life-cycle categories through the SDK.
// Start the platform first (`pnpm start`), create an app in the portal's console, then:
//   IXIAMEN_CLIENT_ID=… IXIAMEN_CLIENT_SECRET=… pnpm --filter @ixiamen/example-list-categories start
// (or IXIAMEN_API_KEY=ixm_test_… instead of the client credentials).
import { ApiError, IXiamen } from '@ixiamen/sdk';

const { IXIAMEN_CLIENT_ID: clientId, IXIAMEN_CLIENT_SECRET: clientSecret } = process.env;
const client = new IXiamen({
  baseUrl: process.env.IXIAMEN_BASE_URL ?? 'http://127.0.0.1:3000',
  // The SDK fetches, caches and renews the access token itself.
  ...(clientId && clientSecret
    ? { clientCredentials: { clientId, clientSecret } }
    : { apiKey: process.env.IXIAMEN_API_KEY }),
});

try {
  const { data } = await client.catalog.listCategories();
  for (const category of data) {
    console.log(`${category.name}\t${category.nameEn}\t${category.serviceCount} 项服务`);
  }
} catch (error) {
  if (error instanceof ApiError) {
    console.error(`The platform answered ${error.status} ${error.code} (request ${error.requestId}).`);
  } else {
    console.error(`Could not list the categories: ${error.message}`);
  }
  process.exitCode = 1;
}
