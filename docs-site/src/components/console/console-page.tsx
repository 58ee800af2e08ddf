import Link from '@docusaurus/Link';
import Translate from '@docusaurus/Translate';
import type { Session } from '@site/src/console/use-session';
import Heading from '@theme/Heading';
import Layout from '@theme/Layout';
import type { ReactNode } from 'react';
import { SessionGate } from './session-gate';

interface Props {
  title: string;
  description: string;
  /** Pages below the overview get a breadcrumb back to it. */
  nested?: boolean;
  /** Pages further down name the pages between the overview and them, e.g. the admin overview. */
  parents?: { to: string; label: ReactNode }[];
  children: (session: Session) => ReactNode;
}

/** The frame of every console page: site layout, heading, and content once signed in. */
export function ConsolePage({
  title,
  description,
  nested = false,
  parents = [],
  children,
}: Props): ReactNode {
  return (
    <Layout title={title} description={description}>
      <main className="container margin-vert--lg">
        {nested && (
          <nav aria-label="breadcrumbs" className="margin-bottom--md">
            <ul className="breadcrumbs">
              <li className="breadcrumbs__item">
                <Link className="breadcrumbs__link" to="/console">
                  <Translate id="console.breadcrumb.console">控制台</Translate>
                </Link>
              </li>
              {parents.map((parent) => (
                <li key={parent.to} className="breadcrumbs__item">
                  <Link className="breadcrumbs__link" to={parent.to}>
                    {parent.label}
                  </Link>
                </li>
              ))}
              <li className="breadcrumbs__item breadcrumbs__item--active">
                <span className="breadcrumbs__link" aria-current="page">
                  {title}
                </span>
              </li>
            </ul>
          </nav>
        )}
        <Heading as="h1">{title}</Heading>
        <SessionGate>{children}</SessionGate>
      </main>
    </Layout>
  );
}
