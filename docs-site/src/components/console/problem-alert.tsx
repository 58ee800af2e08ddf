import Link from '@docusaurus/Link';
import Translate from '@docusaurus/Translate';
import type { Problem } from '@site/src/console/problem';
import type { ReactNode } from 'react';
import styles from './console.module.css';

/**
 * Problems met before any API answer. A browser reports a CORS refusal exactly like an unreachable
 * host, so the hint names both.
 */
function localHint(code: string): ReactNode {
  switch (code) {
    case 'network_error':
      return (
        <Translate id="console.problem.networkError">
          无法连接平台 API：网络不通、console-config.json 中的 apiBaseUrl 有误，或 API
          的跨域（CORS）设置不允许本站点。
        </Translate>
      );
    case 'config_unavailable':
      return (
        <Translate id="console.problem.configUnavailable">
          无法读取控制台配置 console-config.json，请联系平台运维人员。
        </Translate>
      );
    default:
      return null;
  }
}

/** An API problem as a person reads it: what went wrong, which inputs, and the code to look up. */
export function ProblemAlert({ problem }: { problem: Problem }): ReactNode {
  // Codes from the server have a page in the errors reference; the browser's own do not.
  const code =
    problem.status > 0 ? (
      <Link to={`/docs/errors/${problem.code}`}>
        <code>{problem.code}</code>
      </Link>
    ) : (
      <code>{problem.code}</code>
    );
  const hint = localHint(problem.code);
  return (
    <div className="alert alert--danger margin-bottom--md" role="alert">
      <p className="margin-bottom--sm">
        <strong>{problem.title}</strong>
      </p>
      {hint && <p className="margin-bottom--sm">{hint}</p>}
      {problem.errors && problem.errors.length > 0 ? (
        // One line per invalid input says more than the summary, which repeats them.
        <ul className="margin-bottom--sm">
          {problem.errors.map((e) => (
            <li key={`${e.location}:${e.message}`}>
              <code>{e.location}</code> {e.message}
            </li>
          ))}
        </ul>
      ) : (
        problem.detail && <p className="margin-bottom--sm">{problem.detail}</p>
      )}
      <p className={styles.hint}>
        <Translate id="console.problem.code" values={{ code }}>
          {'错误码：{code}'}
        </Translate>
        {problem.requestId && (
          <>
            {' · '}
            <Translate
              id="console.problem.requestId"
              values={{ requestId: <code>{problem.requestId}</code> }}
            >
              {'请求 ID：{requestId}'}
            </Translate>
          </>
        )}
      </p>
    </div>
  );
}
