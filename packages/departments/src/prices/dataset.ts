import { seededRandom } from '../population/random.js';

/** A market the price-monitoring department samples every day. */
export interface Market {
  code: string;
  name: string;
  /** GB/T 2260 code of the Xiamen district the market is in. */
  districtCode: string;
}

export type CategoryCode = 'grain-oil' | 'meat-eggs' | 'seafood' | 'vegetables' | 'fruit';

/** A monitored commodity and the price it hovers around, in yuan per `unit`. */
export interface Commodity {
  code: string;
  name: string;
  category: CategoryCode;
  unit: string;
  basePrice: number;
}

export const CATEGORIES: Record<CategoryCode, string> = {
  'grain-oil': '粮油',
  'meat-eggs': '肉禽蛋',
  seafood: '水产',
  vegetables: '蔬菜',
  fruit: '水果',
};

export const MARKETS: readonly Market[] = [
  { code: 'xm-market-08', name: '第八市场', districtCode: '350203' },
  { code: 'xm-market-lianban', name: '莲坂农贸市场', districtCode: '350203' },
  { code: 'xm-market-huli', name: '湖里农贸市场', districtCode: '350206' },
  { code: 'xm-market-jiangtou', name: '江头农贸市场', districtCode: '350206' },
  { code: 'xm-market-haicang', name: '海沧农贸市场', districtCode: '350205' },
  { code: 'xm-market-jimei', name: '集美农贸市场', districtCode: '350211' },
  { code: 'xm-market-tongan', name: '同安农贸市场', districtCode: '350212' },
  { code: 'xm-market-xiangan', name: '翔安农贸市场', districtCode: '350213' },
];

const JIN = '元/500克';

export const COMMODITIES: readonly Commodity[] = [
  { code: 'japonica-rice', name: '粳米', category: 'grain-oil', unit: JIN, basePrice: 3.1 },
  { code: 'wheat-flour', name: '面粉', category: 'grain-oil', unit: JIN, basePrice: 2.9 },
  { code: 'peanut-oil', name: '花生油', category: 'grain-oil', unit: '元/升', basePrice: 28 },
  { code: 'soybean-oil', name: '大豆油', category: 'grain-oil', unit: '元/升', basePrice: 14 },
  { code: 'lean-pork', name: '猪瘦肉', category: 'meat-eggs', unit: JIN, basePrice: 17.5 },
  { code: 'pork-belly', name: '五花肉', category: 'meat-eggs', unit: JIN, basePrice: 16 },
  { code: 'beef', name: '牛肉', category: 'meat-eggs', unit: JIN, basePrice: 42 },
  { code: 'chicken', name: '白条鸡', category: 'meat-eggs', unit: JIN, basePrice: 13 },
  { code: 'duck', name: '番鸭', category: 'meat-eggs', unit: JIN, basePrice: 15 },
  { code: 'eggs', name: '鸡蛋', category: 'meat-eggs', unit: JIN, basePrice: 5.8 },
  { code: 'hairtail', name: '带鱼', category: 'seafood', unit: JIN, basePrice: 22 },
  { code: 'grass-carp', name: '草鱼', category: 'seafood', unit: JIN, basePrice: 9.5 },
  { code: 'large-yellow-croaker', name: '大黄鱼', category: 'seafood', unit: JIN, basePrice: 18 },
  { code: 'white-shrimp', name: '白对虾', category: 'seafood', unit: JIN, basePrice: 28 },
  { code: 'oyster', name: '海蛎', category: 'seafood', unit: JIN, basePrice: 14 },
  { code: 'mud-crab', name: '青蟹', category: 'seafood', unit: JIN, basePrice: 60 },
  { code: 'chinese-cabbage', name: '大白菜', category: 'vegetables', unit: JIN, basePrice: 1.6 },
  { code: 'bok-choy', name: '上海青', category: 'vegetables', unit: JIN, basePrice: 3 },
  { code: 'water-spinach', name: '空心菜', category: 'vegetables', unit: JIN, basePrice: 3.2 },
  { code: 'tomato', name: '西红柿', category: 'vegetables', unit: JIN, basePrice: 3.8 },
  { code: 'cucumber', name: '黄瓜', category: 'vegetables', unit: JIN, basePrice: 3.2 },
  { code: 'potato', name: '土豆', category: 'vegetables', unit: JIN, basePrice: 2.2 },
  { code: 'apple', name: '苹果', category: 'fruit', unit: JIN, basePrice: 6.5 },
  { code: 'banana', name: '香蕉', category: 'fruit', unit: JIN, basePrice: 3.8 },
  { code: 'ponkan', name: '芦柑', category: 'fruit', unit: JIN, basePrice: 4.5 },
  { code: 'longan', name: '龙眼', category: 'fruit', unit: JIN, basePrice: 9 },
  { code: 'coconut', name: '椰子', category: 'fruit', unit: '元/个', basePrice: 8 },
];

/** FNV-1a: a stable 32-bit hash, so a day's prices are the same on every machine. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The price of a commodity at a market on a day (YYYY-MM-DD): its base price, a standing
 * premium or discount of the market (-5 % … +8 %) and a daily swing (±6 %), in yuan.
 */
export function priceOn(date: string, market: Market, commodity: Commodity): number {
  const premium = -0.05 + 0.13 * seededRandom(fnv1a(`${market.code}|${commodity.code}`)).next();
  const swing = -0.06 + 0.12 * seededRandom(fnv1a(`${date}|${market.code}|${commodity.code}`)).next();
  return Math.max(0.01, round2(commodity.basePrice * (1 + premium) * (1 + swing)));
}

/** The day before a YYYY-MM-DD date. */
export function previousDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** A price and its change against the day before, both in yuan with two decimals. */
export function quote(date: string, market: Market, commodity: Commodity) {
  const price = priceOn(date, market, commodity);
  return { price, change: round2(price - priceOn(previousDay(date), market, commodity)) };
}
