import { translate } from '@docusaurus/Translate';

// Functions, not constants: each translate() call must stay literal for `write-translations`.
const ACTIONS: Record<string, () => string> = {
  'app.approve': () => translate({ id: 'console.audit.app.approve', message: '批准应用上线' }),
  'app.suspend': () => translate({ id: 'console.audit.app.suspend', message: '停用应用' }),
  'app.unsuspend': () => translate({ id: 'console.audit.app.unsuspend', message: '恢复应用' }),
  'app.revoke_credentials': () =>
    translate({ id: 'console.audit.app.revokeCredentials', message: '吊销应用全部凭证' }),
  'subscription.approve': () => translate({ id: 'console.audit.subscription.approve', message: '批准订阅' }),
  'subscription.reject': () => translate({ id: 'console.audit.subscription.reject', message: '拒绝订阅' }),
  'subscription.suspend': () => translate({ id: 'console.audit.subscription.suspend', message: '暂停订阅' }),
  'subscription.reactivate': () =>
    translate({ id: 'console.audit.subscription.reactivate', message: '恢复订阅' }),
  'subscription.update': () => translate({ id: 'console.audit.subscription.update', message: '调整订阅' }),
  'subscription.approve_plan': () =>
    translate({ id: 'console.audit.subscription.approvePlan', message: '批准更换套餐' }),
  'subscription.reject_plan': () =>
    translate({ id: 'console.audit.subscription.rejectPlan', message: '拒绝更换套餐' }),
  'product.create': () => translate({ id: 'console.audit.product.create', message: '创建产品' }),
  'product.update': () => translate({ id: 'console.audit.product.update', message: '修改产品' }),
  'product.delete': () => translate({ id: 'console.audit.product.delete', message: '删除产品' }),
  'plan.create': () => translate({ id: 'console.audit.plan.create', message: '创建套餐' }),
  'plan.update': () => translate({ id: 'console.audit.plan.update', message: '修改套餐' }),
  'plan.delete': () => translate({ id: 'console.audit.plan.delete', message: '删除套餐' }),
};

/** What an audit event did, in words; actions added later show as their code only. */
export const auditActionLabel = (action: string): string | undefined => ACTIONS[action]?.();
