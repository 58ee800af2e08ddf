import { translate } from '@docusaurus/Translate';

// Functions, not constants: each translate() call must stay literal for `write-translations`.
const LABELS: Record<string, () => string> = {
  'catalog:read': () => translate({ id: 'console.scope.catalogRead', message: '读取公开办事指南' }),
  'profile:read': () => translate({ id: 'console.scope.profileRead', message: '基本身份信息' }),
  'residence:read': () => translate({ id: 'console.scope.residenceRead', message: '居住证记录' }),
  'social-insurance:read': () =>
    translate({ id: 'console.scope.socialInsuranceRead', message: '社保缴费记录' }),
  'applications:write': () =>
    translate({ id: 'console.scope.applicationsWrite', message: '代为提交办事申请' }),
};

/** What a scope lets the app do, in words a citizen understands; unknown scopes as themselves. */
export const scopeLabel = (scope: string): string => LABELS[scope]?.() ?? scope;
