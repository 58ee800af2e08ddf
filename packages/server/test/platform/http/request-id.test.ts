import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { requestId } from '../../../src/platform/http/request-id.js';

const req = (id?: string) => ({ headers: id === undefined ? {} : { 'x-request-id': id } }) as IncomingMessage;

describe('requestId', () => {
  it('happy: keeps a well-formed caller id', () => {
    expect(requestId(req('order-2026-11-27.0001'))).toBe('order-2026-11-27.0001');
  });

  it('happy: mints a fresh id when none is sent', () => {
    const a = requestId(req());
    expect(a).toMatch(/^req_[0-9a-f]{16,}$/);
    expect(requestId(req())).not.toBe(a);
  });

  it('security: replaces ids that could forge log lines or are absurdly long', () => {
    expect(requestId(req('a\nfake log line'))).toMatch(/^req_/);
    expect(requestId(req('x'.repeat(500)))).toMatch(/^req_/);
    expect(requestId(req('short'))).toMatch(/^req_/);
  });
});
