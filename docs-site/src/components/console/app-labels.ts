import { translate } from '@docusaurus/Translate';
import type { AppStatus, ClientType, Environment, ProductCode } from '@site/src/console/types';

// Functions, not constants: each translate() call must stay literal for `write-translations`.
const ENVIRONMENTS: Record<Environment, () => string> = {
  sandbox: () => translate({ id: 'console.environment.sandbox', message: '沙箱' }),
  production: () => translate({ id: 'console.environment.production', message: '生产' }),
};

const STATUSES: Record<AppStatus, () => string> = {
  active: () => translate({ id: 'console.appStatus.active', message: '已启用' }),
  pending_approval: () => translate({ id: 'console.appStatus.pendingApproval', message: '待管理员审核' }),
  suspended: () => translate({ id: 'console.appStatus.suspended', message: '已停用' }),
};

const CLIENT_TYPES: Record<ClientType, () => string> = {
  confidential: () =>
    translate({ id: 'console.clientType.confidential', message: '机密客户端（有服务端，持有客户端密钥）' }),
  public: () =>
    translate({
      id: 'console.clientType.public',
      message: '公开客户端（浏览器或移动应用，无密钥，仅用 PKCE）',
    }),
};

const PRODUCTS: Record<ProductCode, () => string> = {
  catalog: () => translate({ id: 'console.product.catalog', message: '服务目录' }),
  search: () => translate({ id: 'console.product.search', message: '分类搜索' }),
  residence: () => translate({ id: 'console.product.residence', message: '居住证' }),
  'social-insurance': () => translate({ id: 'console.product.socialInsurance', message: '社保缴费' }),
  applications: () => translate({ id: 'console.product.applications', message: '在线申办' }),
};

export const PRODUCT_CODES = Object.keys(PRODUCTS) as ProductCode[];

export const environmentLabel = (value: Environment): string => ENVIRONMENTS[value]?.() ?? value;
export const statusLabel = (value: AppStatus): string => STATUSES[value]?.() ?? value;
export const clientTypeLabel = (value: ClientType): string => CLIENT_TYPES[value]?.() ?? value;
export const productLabel = (value: ProductCode): string => PRODUCTS[value]?.() ?? value;
