import { createHash } from 'node:crypto';
import type { components } from '../../generated/api-types.js';
import { ApiProblem } from '../../platform/errors/api-problem.js';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.js';
import type { CatalogSnapshot } from '../catalog/snapshot.js';
import { highlight } from './highlight.js';
import { DOCUMENT_TYPES, type DocumentType, type Hit } from './search-index.js';
import { expandQuery, type SynonymGroups } from './synonyms.js';

type SearchResults = components['schemas']['SearchResults'];
type SearchGroup = components['schemas']['SearchGroup'];
type SearchHit = components['schemas']['SearchHit'];
type Payload = CatalogSnapshot['search']['documents'][number]['payload'];

// Hits far below the best of their type matched only scattered characters: noise, not results.
const RELATIVE_CUTOFF = 0.2;

interface SearchCursor {
  q: string;
  t: DocumentType;
  o: number;
}

const isSearchCursor = (v: unknown): v is SearchCursor =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as SearchCursor).q === 'string' &&
  (DOCUMENT_TYPES as readonly string[]).includes((v as SearchCursor).t) &&
  Number.isInteger((v as SearchCursor).o) &&
  (v as SearchCursor).o >= 0;

const queryHash = (q: string) => createHash('sha256').update(q).digest('base64url').slice(0, 10);

export interface SearchParams {
  q: string;
  type?: DocumentType;
  limit: number;
  cursor?: string;
}

export function search(snap: CatalogSnapshot, synonyms: SynonymGroups, params: SearchParams): SearchResults {
  const q = params.q.trim();
  if (q.length === 0) {
    throw ApiProblem.invalidInput('querystring/q', 'must contain more than white space');
  }
  let offset = 0;
  if (params.cursor !== undefined) {
    const cursor = decodeCursor(params.cursor, isSearchCursor);
    if (cursor.q !== queryHash(q) || cursor.t !== params.type) {
      throw ApiProblem.invalidInput(
        'querystring/cursor',
        'belongs to another query or type; pass the same q and type',
      );
    }
    offset = cursor.o;
  }
  const types: readonly DocumentType[] = params.type ? [params.type] : DOCUMENT_TYPES;
  const byType = new Map<DocumentType, Hit<Payload>[]>(types.map((t) => [t, []]));
  for (const hit of snap.search.match(expandQuery(q, synonyms), q, RELATIVE_CUTOFF)) {
    byType.get(hit.document.type)?.push(hit);
  }
  const groups: SearchResults['groups'] = {};
  for (const [type, hits] of byType) {
    hits.sort((a, b) => b.score - a.score || a.document.id.localeCompare(b.document.id));
    groups[type] = group(snap, hits, q, type, offset, params.limit);
  }
  return { query: q, groups };
}

function group(
  snap: CatalogSnapshot,
  hits: Hit<Payload>[],
  q: string,
  type: DocumentType,
  offset: number,
  limit: number,
): SearchGroup {
  const page = hits.slice(offset, offset + limit);
  const hasMore = offset + limit < hits.length;
  return {
    total: hits.length,
    data: page.map((h) => hitView(snap, h, q)),
    hasMore,
    nextCursor: hasMore ? encodeCursor({ q: queryHash(q), t: type, o: offset + limit }) : null,
  };
}

function hitView(snap: CatalogSnapshot, hit: Hit<Payload>, q: string): SearchHit {
  const { document } = hit;
  const snippetSource =
    document.type === 'service'
      ? `${document.title}：${document.body}`
      : `${document.title} ${document.body}`;
  const view: SearchHit = {
    type: document.type,
    id: document.id,
    title: document.title,
    snippet: highlight(snippetSource, q),
    score: Math.round(hit.score * 1000) / 1000,
    actions: [],
  };
  if (document.payload.service) {
    view.service = document.payload.service;
    view.actions = snap.serviceDetails.get(document.id)?.actions ?? [];
  }
  return view;
}
