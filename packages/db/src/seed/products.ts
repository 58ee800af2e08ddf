import type { Plan, Product } from '../schema/index.js';

type Seed<T> = Omit<T, 'createdAt' | 'updatedAt'>;

/** The products the platform starts with; admins edit them afterwards, so seeding never overwrites. */
export const PRODUCT_SEED: Seed<Product>[] = [
  {
    code: 'catalog',
    name: '服务目录',
    nameEn: 'Service catalogue',
    description: '生命周期服务目录：分类、主题、办事指南、常见问题、办事机构和政策文件。',
    sensitivity: 'public',
    scope: 'catalog:read',
    operations: [
      'listCategories',
      'listThemes',
      'listServices',
      'getService',
      'listServiceFaqs',
      'listOrganisations',
      'getOrganisation',
      'listPolicies',
      'getPolicy',
    ],
  },
  {
    code: 'search',
    name: '搜索',
    nameEn: 'Search',
    description: '即搜即办：跨服务、政策、问答和机构的分类搜索。',
    sensitivity: 'public',
    scope: 'catalog:read',
    operations: ['search'],
  },
  {
    code: 'prices',
    name: '民生价格',
    nameEn: 'Food and farm prices',
    description: '市场监测的民生食品及农产品价格，实时取自发改价格监测系统。',
    sensitivity: 'public',
    scope: 'catalog:read',
    operations: ['listFoodPrices'],
  },
  {
    code: 'residence',
    name: '居住信息',
    nameEn: 'Residence data',
    description: '经市民授权，读取其在公安部门的居住证和户籍记录。',
    sensitivity: 'personal',
    scope: 'residence:read',
    operations: [],
  },
  {
    code: 'social-insurance',
    name: '社保信息',
    nameEn: 'Social-insurance data',
    description: '经市民授权，读取其在人社部门的社会保险缴费记录。',
    sensitivity: 'personal',
    scope: 'social-insurance:read',
    operations: [],
  },
  {
    code: 'applications',
    name: '办事申请',
    nameEn: 'Online applications',
    description: '以市民名义发起、补正和查询网上办事申请，例如积分入学。',
    sensitivity: 'personal',
    scope: 'applications:write',
    operations: [],
  },
];

export const PLAN_SEED: Seed<Plan>[] = [
  {
    code: 'sandbox',
    name: '沙箱',
    nameEn: 'Sandbox',
    environment: 'sandbox',
    ratePerSecond: 50,
    ratePerMinute: 1000,
    monthlyQuota: 100_000,
    requiresApproval: false,
  },
  {
    code: 'basic',
    name: '基础版',
    nameEn: 'Basic',
    environment: 'production',
    ratePerSecond: 20,
    ratePerMinute: 600,
    monthlyQuota: 100_000,
    requiresApproval: false,
  },
  {
    code: 'standard',
    name: '标准版',
    nameEn: 'Standard',
    environment: 'production',
    ratePerSecond: 100,
    ratePerMinute: 3000,
    monthlyQuota: 1_000_000,
    requiresApproval: true,
  },
  {
    code: 'premium',
    name: '高级版',
    nameEn: 'Premium',
    environment: 'production',
    ratePerSecond: 500,
    ratePerMinute: 20_000,
    monthlyQuota: 10_000_000,
    requiresApproval: true,
  },
];

/** The plan an app gets on public products when it is created: its environment's first plan. */
export const DEFAULT_PLAN = { sandbox: 'sandbox', production: 'basic' } as const;
