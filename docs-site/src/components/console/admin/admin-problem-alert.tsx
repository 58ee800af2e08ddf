import Translate from '@docusaurus/Translate';
import type { Problem } from '@site/src/console/problem';
import type { ReactNode } from 'react';
import { ProblemAlert } from '../problem-alert';

/** An admin API problem; a 403 says first, in plain words, that the page is for admins only. */
export function AdminProblemAlert({ problem }: { problem: Problem }): ReactNode {
  return (
    <>
      {problem.status === 403 && (
        <div className="alert alert--warning margin-bottom--md" role="alert" data-testid="admin-forbidden">
          <p className="margin-bottom--sm">
            <strong>
              <Translate id="console.admin.forbidden.title">没有权限：仅平台管理员可以使用此页面</Translate>
            </strong>
          </p>
          <p className="margin-bottom--none">
            <Translate id="console.admin.forbidden.detail">
              你的账号没有管理员角色，平台 API 拒绝了这个请求（HTTP 403）。管理员角色由 i厦门
              统一身份认证授予；如需使用，请联系平台运维人员。
            </Translate>
          </p>
        </div>
      )}
      <ProblemAlert problem={problem} />
    </>
  );
}
