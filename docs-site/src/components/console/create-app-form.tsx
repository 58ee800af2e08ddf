import Translate from '@docusaurus/Translate';
import { lines } from '@site/src/console/lines';
import type { AppCreated, ClientType, Environment, ProductCode } from '@site/src/console/types';
import { useAction } from '@site/src/console/use-action';
import type { Session } from '@site/src/console/use-session';
import { type FormEvent, type ReactNode, useState } from 'react';
import { clientTypeLabel, environmentLabel, PRODUCT_CODES, productLabel } from './app-labels';
import styles from './console.module.css';
import { Field } from './field';
import { ProblemAlert } from './problem-alert';
import { RedirectUrisField } from './redirect-uris-field';

const ENVIRONMENTS: Environment[] = ['sandbox', 'production'];
const CLIENT_TYPES: ClientType[] = ['confidential', 'public'];

interface Props {
  session: Session;
  onCreated: (created: AppCreated) => void;
}

/** Registers an app for one of the account's organisations. */
export function CreateAppForm({ session, onCreated }: Props): ReactNode {
  const { orgs } = session.me;
  const [orgId, setOrgId] = useState(orgs[0]?.id ?? '');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [homepageUrl, setHomepageUrl] = useState('');
  const [redirectUris, setRedirectUris] = useState('');
  const [environment, setEnvironment] = useState<Environment>('sandbox');
  const [clientType, setClientType] = useState<ClientType>('confidential');
  const [products, setProducts] = useState<ProductCode[]>(['catalog', 'search']);
  const { busy, problem, run } = useAction();

  function toggleProduct(product: ProductCode, on: boolean) {
    setProducts((current) => PRODUCT_CODES.filter((p) => (p === product ? on : current.includes(p))));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const homepage = homepageUrl.trim();
    const outcome = await run(() =>
      session.api.createApp({
        orgId,
        name: name.trim(),
        description: description.trim(),
        ...(homepage ? { homepageUrl: homepage } : {}),
        redirectUris: lines(redirectUris),
        environment,
        clientType,
        products,
      }),
    );
    if (outcome.ok) onCreated(outcome.value);
  }

  return (
    <form className={styles.form} data-testid="create-app" onSubmit={submit}>
      {problem && <ProblemAlert problem={problem} />}
      <Field label={<Translate id="console.app.org">发布者组织</Translate>}>
        {(id) => (
          <select
            id={id}
            name="orgId"
            className={styles.input}
            value={orgId}
            onChange={(e) => setOrgId(e.target.value)}
          >
            {orgs.map((org) => (
              <option key={org.id} value={org.id}>
                {org.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={<Translate id="console.app.name">应用名称</Translate>}>
        {(id) => (
          <input
            id={id}
            name="name"
            className={styles.input}
            required
            minLength={2}
            maxLength={60}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        )}
      </Field>
      <Field
        label={<Translate id="console.app.description">应用简介</Translate>}
        hint={
          <Translate id="console.app.descriptionHint">
            说明应用做什么。市民授权时，它会作为使用目的展示在授权页上。
          </Translate>
        }
      >
        {(id, hintId) => (
          <textarea
            id={id}
            name="description"
            className={styles.input}
            aria-describedby={hintId}
            required
            minLength={4}
            maxLength={500}
            rows={3}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        )}
      </Field>
      <Field label={<Translate id="console.app.homepage">应用主页（可选）</Translate>}>
        {(id) => (
          <input
            id={id}
            name="homepageUrl"
            type="url"
            className={styles.input}
            placeholder="https://"
            maxLength={500}
            value={homepageUrl}
            onChange={(e) => setHomepageUrl(e.target.value)}
          />
        )}
      </Field>
      <RedirectUrisField value={redirectUris} onChange={setRedirectUris} />

      <fieldset className={styles.field}>
        <legend>
          <Translate id="console.app.environment">环境</Translate>
        </legend>
        {ENVIRONMENTS.map((value) => (
          <label key={value} className={styles.choice}>
            <input
              type="radio"
              name="environment"
              value={value}
              checked={environment === value}
              onChange={() => setEnvironment(value)}
            />
            {environmentLabel(value)}
          </label>
        ))}
        <p className={styles.hint}>
          <Translate id="console.app.environmentHint">
            沙箱应用创建后立即可用，适合开发和联调；生产应用需经平台管理员审核通过后才能获取令牌。
          </Translate>
        </p>
      </fieldset>

      <fieldset className={styles.field}>
        <legend>
          <Translate id="console.app.clientType">客户端类型</Translate>
        </legend>
        {CLIENT_TYPES.map((value) => (
          <label key={value} className={styles.choice}>
            <input
              type="radio"
              name="clientType"
              value={value}
              checked={clientType === value}
              onChange={() => setClientType(value)}
            />
            {clientTypeLabel(value)}
          </label>
        ))}
      </fieldset>

      <fieldset className={styles.field}>
        <legend>
          <Translate id="console.app.products">使用的 API 产品</Translate>
        </legend>
        {PRODUCT_CODES.map((product) => (
          <label key={product} className={styles.choice}>
            <input
              type="checkbox"
              name="products"
              value={product}
              checked={products.includes(product)}
              onChange={(e) => toggleProduct(product, e.target.checked)}
            />
            {productLabel(product)} <code>{product}</code>
          </label>
        ))}
        <p className={styles.hint}>
          <Translate id="console.app.productsHint">
            应用可申请的权限范围由所选产品决定；基本身份信息和公开办事指南总是可以申请。
          </Translate>
        </p>
      </fieldset>

      <div>
        <button type="submit" className="button button--primary" disabled={busy || !orgId}>
          <Translate id="console.app.create.submit">注册应用</Translate>
        </button>
      </div>
    </form>
  );
}
