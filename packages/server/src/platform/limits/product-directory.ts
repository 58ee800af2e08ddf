import { type Database, products } from '@ixiamen/db';

export interface ProductRef {
  code: string;
  sensitivity: 'public' | 'personal';
}

/**
 * Which product each operation belongs to, held in memory: loaded at start and again whenever
 * an admin changes products (a `products` event on the credential feed).
 */
export class ProductDirectory {
  private byOperation = new Map<string, ProductRef>();

  constructor(private readonly db: Database) {}

  async load(): Promise<void> {
    const rows = await this.db
      .select({ code: products.code, sensitivity: products.sensitivity, operations: products.operations })
      .from(products);
    const next = new Map<string, ProductRef>();
    for (const row of rows) {
      for (const op of row.operations) next.set(op, { code: row.code, sensitivity: row.sensitivity });
    }
    this.byOperation = next;
  }

  productOf(operationId: string): ProductRef | undefined {
    return this.byOperation.get(operationId);
  }
}
