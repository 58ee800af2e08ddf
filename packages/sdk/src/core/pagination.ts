/** One page of a cursor-paginated list, as the platform answers it. */
export interface Page<T> {
  data: T[];
  hasMore: boolean;
  nextCursor: string | null;
}

/**
 * What a list method returns: await it for the first page, or iterate it with `for await` to
 * walk every item across pages (each page is fetched when the previous one is used up).
 */
export class PagedList<P extends Page<unknown>> implements PromiseLike<P>, AsyncIterable<P['data'][number]> {
  private first: Promise<P> | undefined;

  constructor(private readonly fetchPage: (cursor: string | undefined) => Promise<P>) {}

  // biome-ignore lint/suspicious/noThenProperty: a PagedList is awaitable by design, like a Promise.
  then<A = P, B = never>(
    onfulfilled?: ((value: P) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.firstPage().then(onfulfilled, onrejected);
  }

  private firstPage(): Promise<P> {
    this.first ??= this.fetchPage(undefined);
    return this.first;
  }

  /** Every page in order. */
  async *pages(): AsyncGenerator<P> {
    let page = await this.firstPage();
    yield page;
    while (page.hasMore && page.nextCursor) {
      page = await this.fetchPage(page.nextCursor);
      yield page;
    }
  }

  async *[Symbol.asyncIterator](): AsyncIterator<P['data'][number]> {
    for await (const page of this.pages()) yield* page.data;
  }
}
