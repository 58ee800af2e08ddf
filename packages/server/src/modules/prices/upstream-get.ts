import type { Dispatcher } from 'undici';

export interface UpstreamAnswer {
  status: number;
  text: string;
}

// A kept-alive connection the department closed just as a call went out on it (its idle timeout
// races ours): the call died before any answer, so it never reached the department.
const CONNECTION_LOST = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

/** Reads one answer whole; an error says whether the department had started answering. */
class BufferingHandler implements Dispatcher.DispatchHandler {
  private status = 0;
  private readonly chunks: Buffer[] = [];
  private answered = false;

  constructor(
    private readonly resolve: (answer: UpstreamAnswer) => void,
    private readonly reject: (err: unknown) => void,
  ) {}

  // undici tells this handler API from the older one by this method, so it is here though empty.
  onRequestStart() {}

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number) {
    this.answered = true;
    this.status = statusCode;
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer) {
    this.chunks.push(chunk);
  }

  onResponseEnd() {
    const body = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
    this.resolve({ status: this.status, text: body.toString('utf8') });
  }

  onResponseError(_controller: Dispatcher.DispatchController, err: Error) {
    this.reject(Object.assign(err, { answered: this.answered }));
  }
}

function attempt(dispatcher: Dispatcher, options: Dispatcher.DispatchOptions): Promise<UpstreamAnswer> {
  return new Promise((resolve, reject) => {
    dispatcher.dispatch(options, new BufferingHandler(resolve, reject));
  });
}

/**
 * A GET read whole into a string, through undici's dispatch API with a handler of our own: a
 * proxied call is mostly this, and `request` behind `RetryAgent` (a body stream and a retry
 * handler per call) took about a quarter more CPU per call (docs: limits and quotas). The call
 * goes again once, at once, when its connection was lost before any answer came; answers, 5xx
 * included, are never retried. Errors are undici's, with their `code`.
 */
export async function upstreamGet(
  dispatcher: Dispatcher,
  path: string,
  headers: Record<string, string>,
): Promise<UpstreamAnswer> {
  const options: Dispatcher.DispatchOptions = { method: 'GET', path, headers };
  try {
    return await attempt(dispatcher, options);
  } catch (err) {
    const { code, answered } = err as { code?: string; answered?: boolean };
    if (answered || !code || !CONNECTION_LOST.has(code)) throw err;
    return attempt(dispatcher, options);
  }
}
