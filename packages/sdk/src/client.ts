import { type ClientOptions, HttpClient } from './core/http-client.js';
import { Catalog } from './resources/catalog.js';
import { Prices } from './resources/prices.js';
import { Search } from './resources/search.js';
import { System } from './resources/system.js';

/**
 * The i厦门 Open Platform client. Resources are named after the spec's tags and their
 * methods after the operationIds, so `client.catalog.listCategories()` is `listCategories`.
 */
export class IXiamen {
  readonly catalog: Catalog;
  readonly prices: Prices;
  readonly search: Search;
  readonly system: System;

  constructor(options: ClientOptions = {}) {
    const http = new HttpClient(options);
    this.catalog = new Catalog(http);
    this.prices = new Prices(http);
    this.search = new Search(http);
    this.system = new System(http);
  }
}
