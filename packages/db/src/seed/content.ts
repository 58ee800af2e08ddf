import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { seedFolder } from '../paths.js';
import type { Fee, Material, ServiceResult, Step } from '../schema/index.js';

export interface CategorySeed {
  code: string;
  name: string;
  nameEn: string;
  description: string;
}

export interface OrganisationSeed {
  code: string;
  kind: string;
  name: string;
  nameEn: string;
  parent: string | null;
  creditCode: string | null;
  district: string;
  address: string;
  hours: string;
  phone: string;
  website?: string;
  responsibilities: string[];
  halls?: string[];
}

export interface ServiceSeed {
  slug: string;
  name: string;
  nameEn: string;
  aliases: string[];
  category: string;
  themes: string[];
  target: string[];
  itemType: string;
  level: string;
  department: string;
  jointDepartments: string[];
  districts: string[];
  summary: string;
  legalBasis: string[];
  conditions: string[];
  caseType: string;
  legalDays: number;
  promisedDays: number;
  materials: Material[];
  fee: Fee;
  steps: Step[];
  handlingForms: string[];
  onlineDepth: string;
  visits: number;
  result: ServiceResult;
  consultPhone: string;
  faqs: { q: string; a: string }[];
}

export interface PolicySeed {
  slug: string;
  title: string;
  issuer: string;
  docNumber: string;
  level: string;
  kind: string;
  publishedAt: string;
  effectiveAt: string | null;
  expiresAt: string | null;
  summary: string;
  excerpt: string;
  themes: string[];
  relatedServices: string[];
}

export interface CatalogSeed {
  categories: CategorySeed[];
  organisations: OrganisationSeed[];
  services: ServiceSeed[];
  policies: PolicySeed[];
}

async function readJson<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, 'utf8')) as T;
}

/** The catalogue content committed under seed/, reviewed like code. */
export async function loadCatalogSeed(): Promise<CatalogSeed> {
  const serviceDir = join(seedFolder, 'services');
  const files = (await readdir(serviceDir)).filter((f) => f.endsWith('.json')).sort();
  const services: ServiceSeed[] = [];
  for (const file of files) services.push(...(await readJson<ServiceSeed[]>(join(serviceDir, file))));
  return {
    categories: await readJson<CategorySeed[]>(join(seedFolder, 'categories.json')),
    organisations: await readJson<OrganisationSeed[]>(join(seedFolder, 'organisations.json')),
    services,
    policies: await readJson<PolicySeed[]>(join(seedFolder, 'policies.json')),
  };
}

/** Groups of phrases search treats as the same (上学/入学 …), kept with the content they serve. */
export async function loadSynonyms(): Promise<string[][]> {
  return readJson<string[][]>(join(seedFolder, 'synonyms.json'));
}
