import { connect, type Socket } from 'node:net';
import { summarize } from './stats.ts';

export interface SteadyResult {
  /** Calls that answered 2xx. */
  ok: number;
  /** The other calls, by status code (`socket` when the connection failed before an answer). */
  failures: Record<string, number>;
  /** Latency percentiles of the 2xx calls, in ms, each counted from when its call was due. */
  p50: number;
  p99: number;
  /** Every 2xx call's latency in ms, for percentiles over several runs together. */
  latencies: number[];
}

const HEADER_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = /\r\ncontent-length:\s*(\d+)/i;
const CHUNKED = /\r\ntransfer-encoding:/i;
const SOCKETS = 64;

/** One keep-alive connection that carries one call at a time and reads each answer whole. */
class Connection {
  private pending: Buffer = Buffer.alloc(0);
  private due = 0;
  private onDone: ((status: string, dueAt: number) => void) | undefined;

  constructor(
    readonly socket: Socket,
    private readonly fatal: (err: Error) => void,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.read(chunk));
    socket.on('error', () => this.finish('socket'));
  }

  get idle() {
    return this.onDone === undefined;
  }

  send(request: string, dueAt: number, onDone: (status: string, dueAt: number) => void) {
    this.due = dueAt;
    this.onDone = onDone;
    this.socket.write(request);
  }

  private read(chunk: Buffer) {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    const end = this.pending.indexOf(HEADER_END);
    if (end < 0) return;
    const head = this.pending.toString('latin1', 0, end);
    // Fastify always sends a Content-Length; reading only that keeps the load cheap.
    if (CHUNKED.test(head))
      return this.fatal(new Error('steadyLoad reads answers with a Content-Length only'));
    const length = Number(CONTENT_LENGTH.exec(head)?.[1] ?? 0);
    if (this.pending.length < end + 4 + length) return;
    this.pending = this.pending.subarray(end + 4 + length);
    // The status line: `HTTP/1.1 200 OK`.
    this.finish(head.slice(9, 12));
  }

  private finish(status: string) {
    const done = this.onDone;
    this.onDone = undefined;
    done?.(status, this.due);
  }
}

/**
 * An open-loop load at a constant rate: call i is due at start + i / rate whether or not earlier
 * calls have answered, and its latency runs from when it was due, so a server that stalls is
 * charged for the calls waiting behind it. autocannon's fixed-rate mode instead sends each
 * second's calls back to back and then waits for the next second, which saturates the server for
 * part of every second: its p99 "at half load" is a p99 at full load. Requests go out as
 * prepared bytes on raw keep-alive sockets, which takes less of the shared CPU than node:http.
 */
export async function steadyLoad(
  url: string,
  rate: number,
  seconds: number,
  headers: (n: number) => Record<string, string> = () => ({}),
): Promise<SteadyResult> {
  const { hostname, port, pathname, search } = new URL(url);
  const head = `GET ${pathname}${search} HTTP/1.1\r\nhost: ${hostname}:${port}\r\n`;
  let fatal: ((err: Error) => void) | undefined;
  const connections = await Promise.all(
    Array.from(
      { length: SOCKETS },
      () =>
        new Promise<Connection>((resolve, reject) => {
          const socket = connect(Number(port), hostname, () =>
            resolve(new Connection(socket, (err) => fatal?.(err))),
          );
          socket.once('error', reject);
        }),
    ),
  );
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  const waiting: number[] = [];
  const failures: Record<string, number> = {};
  let sent = 0;
  let answered = 0;
  const started = performance.now();
  const request = (n: number) =>
    `${head}${Object.entries(headers(n))
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('')}\r\n`;
  let stopped = false;
  await new Promise<void>((resolve, reject) => {
    fatal = (err) => {
      stopped = true;
      reject(err);
    };
    const dispatch = (connection: Connection, n: number) =>
      connection.send(request(n), started + (n * 1000) / rate, (status, dueAt) => {
        if (status.startsWith('2')) latencies.push(performance.now() - dueAt);
        else failures[status] = (failures[status] ?? 0) + 1;
        if (++answered === total) return resolve();
        // A call that came due while every connection was busy goes out on the one freed.
        const next = waiting.shift();
        if (next !== undefined) dispatch(connection, next);
      });
    // Timers wake about once a millisecond; each wake sends every call that has come due.
    const tick = () => {
      const due = Math.min(total, Math.floor(((performance.now() - started) * rate) / 1000) + 1);
      while (sent < due) {
        const free = connections.find((c) => c.idle);
        if (free) dispatch(free, sent);
        else waiting.push(sent);
        sent++;
      }
      if (sent < total && !stopped) setTimeout(tick, 1);
    };
    tick();
  }).finally(() => {
    for (const connection of connections) connection.socket.destroy();
  });
  const { p50, p99 } = summarize(latencies);
  return { ok: latencies.length, failures, p50, p99, latencies };
}
