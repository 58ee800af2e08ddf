import { translate } from '@docusaurus/Translate';
import type { Role } from '@site/src/console/types';

// Functions, not constants: each translate() call must stay literal for `write-translations`.
const LABELS: Record<Role, () => string> = {
  citizen: () => translate({ id: 'console.role.citizen', message: '市民' }),
  developer: () => translate({ id: 'console.role.developer', message: '开发者' }),
  official: () => translate({ id: 'console.role.official', message: '工作人员' }),
  admin: () => translate({ id: 'console.role.admin', message: '管理员' }),
};

export const roleLabel = (role: Role): string => LABELS[role]?.() ?? role;
