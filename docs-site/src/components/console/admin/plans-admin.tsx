import Translate, { translate } from '@docusaurus/Translate';
import type { Plan } from '@site/src/console/product-types';
import { useAction } from '@site/src/console/use-action';
import { useResource } from '@site/src/console/use-resource';
import type { Session } from '@site/src/console/use-session';
import { type ReactNode, useState } from 'react';
import { environmentLabel } from '../app-labels';
import type { Column } from '../data-table';
import { Loading } from '../loading';
import { RateLimits } from '../rate-limits';
import { AdminProblemAlert } from './admin-problem-alert';
import { CatalogueLayout } from './catalogue-layout';
import { CatalogueRowActions } from './catalogue-row-actions';
import { PlanForm } from './plan-form';

const IN_USE = (
  <Translate id="console.plan.inUse">
    仍有订阅使用或申请更换为这个套餐（无论订阅状态如何），不能删除。请先在“订阅审核”中把这些订阅移到其他套餐，或拒绝这些更换申请。
  </Translate>
);

/** The plans: listed, created, edited, deleted while no subscription uses them. */
export function PlansAdmin({ session }: { session: Session }): ReactNode {
  const { admin } = session;
  const plans = useResource(admin.listPlans);
  const [editing, setEditing] = useState<Plan>();
  const { busy, problem, run } = useAction();

  async function remove(plan: Plan) {
    const question = translate(
      { id: 'console.plan.deleteConfirm', message: '删除套餐 {name}（{code}）？' },
      { name: plan.name, code: plan.code },
    );
    if (!window.confirm(question)) return;
    if ((await run(() => admin.deletePlan(plan.code))).ok) await plans.reload();
  }

  if (plans.problem) return <AdminProblemAlert problem={plans.problem} />;
  if (!plans.data) return <Loading />;
  const columns: Column<Plan & { id: string }>[] = [
    {
      id: 'code',
      header: <Translate id="console.plan.code">套餐代码</Translate>,
      cell: (p) => <code>{p.code}</code>,
    },
    {
      id: 'name',
      header: <Translate id="console.product.nameShort">名称</Translate>,
      cell: (p) => `${p.name} / ${p.nameEn}`,
    },
    {
      id: 'environment',
      header: <Translate id="console.app.environment">环境</Translate>,
      cell: (p) => environmentLabel(p.environment),
    },
    {
      id: 'limits',
      header: <Translate id="console.subscription.limits">生效限额</Translate>,
      cell: (p) => <RateLimits limits={p} />,
    },
    {
      id: 'requiresApproval',
      header: <Translate id="console.plan.approval">审核</Translate>,
      cell: (p) =>
        p.requiresApproval ? (
          <Translate id="console.plan.approvalNeeded">需审核</Translate>
        ) : (
          <Translate id="console.plan.approvalNotNeeded">公开产品免审核</Translate>
        ),
    },
    {
      id: 'actions',
      header: <Translate id="console.credential.actions">操作</Translate>,
      cell: (p) => (
        <CatalogueRowActions busy={busy} onEdit={() => setEditing(p)} onDelete={() => remove(p)} />
      ),
    },
  ];
  return (
    <CatalogueLayout
      testId="plans"
      rows={plans.data}
      columns={columns}
      problem={problem}
      conflict={IN_USE}
      editing={
        editing && {
          title: (
            <Translate id="console.plan.editTitle" values={{ code: editing.code }}>
              {'编辑套餐 {code}'}
            </Translate>
          ),
          form: (
            <PlanForm
              key={editing.code}
              admin={admin}
              plan={editing}
              onSaved={plans.reload}
              onClose={() => setEditing(undefined)}
            />
          ),
        }
      }
      newLabel={<Translate id="console.plan.new">新建套餐</Translate>}
      newForm={<PlanForm admin={admin} onSaved={plans.reload} />}
    />
  );
}
