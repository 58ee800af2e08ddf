import { describe, expect, it } from 'vitest';
import { AnswerCache } from '../../../src/modules/catalog/answer-cache.js';

describe('AnswerCache', () => {
  it('happy: builds and serializes an answer once per URL and snapshot', () => {
    const cache = new AnswerCache<object>(10);
    const snapshot = {};
    let builds = 0;
    const build = () => ({ data: [++builds] });
    expect(cache.get(snapshot, '/v1/categories', build)).toBe('{"data":[1]}');
    expect(cache.get(snapshot, '/v1/categories', build)).toBe('{"data":[1]}');
    expect(cache.get(snapshot, '/v1/themes', build)).toBe('{"data":[2]}');
    expect(builds).toBe(2);
  });

  it('happy: a new snapshot drops every answer of the old one', () => {
    const cache = new AnswerCache<object>(10);
    let builds = 0;
    const build = () => ({ data: [++builds] });
    cache.get({}, '/v1/categories', build);
    expect(cache.get({}, '/v1/categories', build)).toBe('{"data":[2]}');
  });

  it('error: an answer that fails to build is not stored and fails again', () => {
    const cache = new AnswerCache<object>(10);
    const snapshot = {};
    const fail = () => {
      throw new Error('not found');
    };
    expect(() => cache.get(snapshot, '/v1/services/none', fail)).toThrow('not found');
    expect(cache.get(snapshot, '/v1/services/none', () => ({ ok: true }))).toBe('{"ok":true}');
  });

  it('security: holds at most max answers, dropping the oldest first', () => {
    const cache = new AnswerCache<object>(2);
    const snapshot = {};
    const built: string[] = [];
    const build = (url: string) => () => {
      built.push(url);
      return url;
    };
    for (const url of ['/a', '/b', '/c', '/b', '/a']) cache.get(snapshot, url, build(url));
    // /a went when /c came; /b stayed; /a is built again.
    expect(built).toEqual(['/a', '/b', '/c', '/a']);
  });
});
