// Lists the i厦门 life-cycle categories through the SDK.
// Start the platform first (`pnpm start`), then: pnpm --filter @ixiamen/example-list-categories start
import { ApiError, IXiamen } from '@ixiamen/sdk';

const client = new IXiamen({
  baseUrl: process.env.IXIAMEN_BASE_URL ?? 'http://localhost:3000',
  apiKey: process.env.IXIAMEN_API_KEY,
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
