import Link from '@docusaurus/Link';
import Translate, { translate } from '@docusaurus/Translate';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import CodeBlock from '@theme/CodeBlock';
import Heading from '@theme/Heading';
import Layout from '@theme/Layout';
import clsx from 'clsx';
import type { ReactNode } from 'react';
import styles from './index.module.css';

const sdkSample = `import { ApiError, IXiamen } from '@ixiamen/sdk';

const client = new IXiamen({
  baseUrl: 'http://localhost:3000',
  apiKey: process.env.IXIAMEN_API_KEY,
});

try {
  const { data } = await client.catalog.listCategories();
  for (const c of data) console.log(c.name, c.serviceCount);
} catch (err) {
  if (err instanceof ApiError) console.error(err.status, err.code, err.requestId);
}`;

interface Capability {
  id: string;
  title: ReactNode;
  description: ReactNode;
}

const capabilities: Capability[] = [
  {
    id: 'catalog',
    title: <Translate id="home.capability.catalog.title">服务目录</Translate>,
    description: (
      <Translate id="home.capability.catalog.description">
        按人生阶段分类的办事事项，附办事指南、常见问题、实施机构和相关政策。
      </Translate>
    ),
  },
  {
    id: 'search',
    title: <Translate id="home.capability.search.title">分类搜索</Translate>,
    description: (
      <Translate id="home.capability.search.description">
        一次搜索覆盖事项、政策、问答和机构，听得懂口语，容得下错别字，搜到即可办。
      </Translate>
    ),
  },
  {
    id: 'citizenData',
    title: <Translate id="home.capability.citizenData.title">公民数据</Translate>,
    description: (
      <Translate id="home.capability.citizenData.description">
        经市民本人授权同意，读取其在各部门的数据；默认脱敏，每次读取都可追溯。
      </Translate>
    ),
  },
  {
    id: 'applications',
    title: <Translate id="home.capability.applications.title">在线申办</Translate>,
    description: (
      <Translate id="home.capability.applications.description">
        代市民发起和提交办事申请，跟踪审核进度。
      </Translate>
    ),
  },
  {
    id: 'notifications',
    title: <Translate id="home.capability.notifications.title">消息通知</Translate>,
    description: (
      <Translate id="home.capability.notifications.description">向市民推送办理进度等通知。</Translate>
    ),
  },
  {
    id: 'webhooks',
    title: <Translate id="home.capability.webhooks.title">Webhook</Translate>,
    description: (
      <Translate id="home.capability.webhooks.description">
        申请状态等事件发生变化时，平台主动回调你的服务。
      </Translate>
    ),
  },
];

interface Card {
  to: string;
  title: ReactNode;
  description: ReactNode;
  action: ReactNode;
}

const cards: Card[] = [
  {
    to: '/docs/quick-start',
    title: <Translate id="home.card.quickStart.title">快速开始</Translate>,
    description: (
      <Translate id="home.card.quickStart.description">
        一条命令在本机启动平台，几分钟内用 curl 或 SDK 发出第一个请求。
      </Translate>
    ),
    action: <Translate id="home.card.quickStart.action">开始接入</Translate>,
  },
  {
    to: '/docs/api',
    title: <Translate id="home.card.api.title">API 参考</Translate>,
    description: (
      <Translate id="home.card.api.description">
        由接口契约自动生成：每个接口的参数、响应、错误和多语言代码示例。
      </Translate>
    ),
    action: <Translate id="home.card.api.action">查看接口</Translate>,
  },
  {
    to: '/docs/authentication',
    title: <Translate id="home.card.auth.title">认证</Translate>,
    description: (
      <Translate id="home.card.auth.description">
        OAuth 2 客户端凭证、授权码 + PKCE 与市民授权同意、API Key，以及权限范围。
      </Translate>
    ),
    action: <Translate id="home.card.auth.action">了解认证</Translate>,
  },
];

function Hero() {
  const { siteConfig } = useDocusaurusContext();
  return (
    <header className={clsx('hero hero--primary', styles.hero)}>
      <div className="container">
        <Heading as="h1" className="hero__title">
          {siteConfig.title}
        </Heading>
        <p className="hero__subtitle">{siteConfig.tagline}</p>
        <div className={styles.buttons}>
          <Link className="button button--secondary button--lg" to="/docs/quick-start">
            <Translate id="home.hero.quickStart">快速开始</Translate>
          </Link>
          <Link className="button button--outline button--secondary button--lg" to="/docs/api">
            <Translate id="home.hero.apiReference">API 参考</Translate>
          </Link>
        </div>
      </div>
    </header>
  );
}

export default function Home(): ReactNode {
  return (
    <Layout
      description={translate({
        id: 'home.meta.description',
        message:
          'i厦门开放平台开发者门户：服务目录、搜索、公民数据、在线申办、通知和 Webhook 接口的文档与参考。',
      })}
    >
      <Hero />
      <main>
        <section className={styles.section}>
          <div className="container">
            <div className="row">
              {cards.map((card) => (
                <div key={card.to} className="col col--4">
                  <Link to={card.to} className={clsx('card', styles.card)}>
                    <div className="card__header">
                      <Heading as="h2">{card.title}</Heading>
                    </div>
                    <div className="card__body">
                      <p>{card.description}</p>
                    </div>
                    <div className={clsx('card__footer', styles.cardAction)}>{card.action} →</div>
                  </Link>
                </div>
              ))}
            </div>
          </div>
        </section>

        <section className={clsx(styles.section, styles.alt)}>
          <div className="container">
            <Heading as="h2" className={styles.sectionTitle}>
              <Translate id="home.capabilities.title">平台开放的能力</Translate>
            </Heading>
            <p className={styles.sectionLead}>
              <Translate id="home.capabilities.lead">
                i厦门把公安、人社、市场监管、卫健、医保、交警、教育、税务、不动产等部门的公共服务汇集在一起，并以有文档、受
                OAuth 保护、按应用计量的接口开放给第三方开发者。
              </Translate>
            </p>
            <div className="row">
              {capabilities.map((capability) => (
                <div key={capability.id} className={clsx('col col--4', styles.capability)}>
                  <Heading as="h3">{capability.title}</Heading>
                  <p>{capability.description}</p>
                </div>
              ))}
            </div>
            <p className={styles.note}>
              <Translate id="home.capabilities.note">
                API 参考列出当前版本已开放的全部接口，其余能力将在后续版本陆续开放。
              </Translate>
            </p>
          </div>
        </section>

        <section className={styles.section}>
          <div className="container">
            <div className="row">
              <div className="col col--5">
                <Heading as="h2" className={styles.sectionTitle}>
                  <Translate id="home.sdk.title">几行代码接入</Translate>
                </Heading>
                <p>
                  <Translate id="home.sdk.description">
                    TypeScript SDK @ixiamen/sdk 同时支持 ESM 和 CommonJS，可在 Node.js 20+
                    和浏览器中使用。它内置超时、遵循 Retry-After
                    的自动重试，并把每个错误映射为带稳定错误码和请求 ID 的类型化异常。
                  </Translate>
                </p>
                <Link className="button button--primary" to="/docs/quick-start">
                  <Translate id="home.sdk.action">阅读快速开始</Translate>
                </Link>
              </div>
              <div className="col col--7">
                <CodeBlock language="ts" title="list-categories.ts">
                  {sdkSample}
                </CodeBlock>
              </div>
            </div>
          </div>
        </section>
      </main>
    </Layout>
  );
}
