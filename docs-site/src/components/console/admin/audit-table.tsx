import Translate from '@docusaurus/Translate';
import type { AuditEvent } from '@site/src/console/admin-types';
import { useShanghaiTime } from '@site/src/console/use-shanghai-time';
import type { ReactNode } from 'react';
import { type Column, DataTable } from '../data-table';
import { auditActionLabel } from './audit-action-label';
import { CompactJson } from './compact-json';

const VIA: Record<AuditEvent['actor']['via'], ReactNode> = {
  console: <Translate id="console.audit.viaConsole">控制台</Translate>,
  cli: <Translate id="console.audit.viaCli">命令行</Translate>,
};

/** Audit events as they come: when, who and how, what was done to what, and the record around it. */
export function AuditTable({ events }: { events: AuditEvent[] }): ReactNode {
  const time = useShanghaiTime();
  const columns: Column<AuditEvent>[] = [
    {
      id: 'at',
      header: <Translate id="console.audit.at">时间（北京时间）</Translate>,
      cell: (event) => time.dateTime(event.at),
    },
    {
      id: 'actor',
      header: <Translate id="console.audit.actor">操作人</Translate>,
      cell: (event) => (
        <>
          <span data-testid="audit-actor">{event.actor.name}</span>{' '}
          <span className="badge badge--secondary">{VIA[event.actor.via] ?? event.actor.via}</span>
        </>
      ),
    },
    {
      id: 'action',
      header: <Translate id="console.audit.action">操作</Translate>,
      cell: (event) => (
        <>
          {auditActionLabel(event.action)} <code data-testid="audit-action">{event.action}</code>
        </>
      ),
    },
    {
      id: 'target',
      header: <Translate id="console.audit.target">对象</Translate>,
      cell: (event) => (
        <>
          {event.targetType} <code>{event.targetId}</code>
        </>
      ),
    },
    {
      id: 'before',
      header: <Translate id="console.audit.before">变更前</Translate>,
      cell: (event) => <CompactJson value={event.before} />,
    },
    {
      id: 'after',
      header: <Translate id="console.audit.after">变更后</Translate>,
      cell: (event) => <CompactJson value={event.after} />,
    },
  ];
  return (
    <DataTable
      testId="audit-events"
      columns={columns}
      rows={events}
      rowAttributes={(event) => ({ 'data-action': event.action, 'data-target': event.targetId })}
    />
  );
}
