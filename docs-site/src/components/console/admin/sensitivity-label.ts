import { translate } from '@docusaurus/Translate';
import type { Sensitivity } from '@site/src/console/product-types';

// Functions, not constants: each translate() call must stay literal for `write-translations`.
const SENSITIVITIES: Record<Sensitivity, () => string> = {
  public: () => translate({ id: 'console.sensitivity.public', message: '公开数据' }),
  personal: () =>
    translate({ id: 'console.sensitivity.personal', message: '个人数据（需市民授权、需审核）' }),
};

export const SENSITIVITY_VALUES = Object.keys(SENSITIVITIES) as Sensitivity[];
export const sensitivityLabel = (value: Sensitivity): string => SENSITIVITIES[value]?.() ?? value;
