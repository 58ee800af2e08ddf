import Translate from '@docusaurus/Translate';
import type { AppCreated, ClientType, Environment, ProductCode } from '@site/src/console/types';
import { useAction } from '@site/src/console/use-action';
import type { Session } from '@site/src/console/use-session';
import { type FormEvent, type ReactNode, useState } from 'react';
import { AppFields, type AppFieldValues, appFieldsBody } from './app-fields';
import { clientTypeLabel, environmentLabel, PRODUCT_CODES, productLabel } from './app-labels';
import { ChoiceFieldset } from './choice-fieldset';
import styles from './console.module.css';
import { Field } from './field';
import { FormActions } from './form-actions';
import { ProblemAlert } from './problem-alert';
import { TextField } from './text-field';

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
  const [fields, setFields] = useState<AppFieldValues>({ name: '', description: '', redirectUris: '' });
  const [homepageUrl, setHomepageUrl] = useState('');
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
        ...appFieldsBody(fields),
        ...(homepage ? { homepageUrl: homepage } : {}),
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
        {(control) => (
          <select {...control} name="orgId" value={orgId} onChange={(e) => setOrgId(e.target.value)}>
            {orgs.map((org) => (
              <option key={org.id} value={org.id}>
                {org.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <AppFields
        values={fields}
        onChange={setFields}
        descriptionHint={
          <Translate id="console.app.descriptionHint">
            说明应用做什么。市民授权时，它会作为使用目的展示在授权页上。
          </Translate>
        }
      >
        <TextField
          label={<Translate id="console.app.homepage">应用主页（可选）</Translate>}
          name="homepageUrl"
          type="url"
          placeholder="https://"
          maxLength={500}
          value={homepageUrl}
          onChange={setHomepageUrl}
        />
      </AppFields>

      <ChoiceFieldset
        legend={<Translate id="console.app.environment">环境</Translate>}
        hint={
          <Translate id="console.app.environmentHint">
            沙箱应用创建后立即可用，适合开发和联调；生产应用需经平台管理员审核通过后才能获取令牌。
          </Translate>
        }
        type="radio"
        name="environment"
        options={ENVIRONMENTS}
        label={environmentLabel}
        isChecked={(value) => environment === value}
        onChange={(value) => setEnvironment(value)}
      />

      <ChoiceFieldset
        legend={<Translate id="console.app.clientType">客户端类型</Translate>}
        type="radio"
        name="clientType"
        options={CLIENT_TYPES}
        label={clientTypeLabel}
        isChecked={(value) => clientType === value}
        onChange={(value) => setClientType(value)}
      />

      <ChoiceFieldset
        legend={<Translate id="console.app.products">使用的 API 产品</Translate>}
        hint={
          <Translate id="console.app.productsHint">
            应用可申请的权限范围由所选产品决定；基本身份信息和公开办事指南总是可以申请。
          </Translate>
        }
        type="checkbox"
        name="products"
        options={PRODUCT_CODES}
        label={(product) => (
          <>
            {productLabel(product)} <code>{product}</code>
          </>
        )}
        isChecked={(product) => products.includes(product)}
        onChange={toggleProduct}
      />

      <FormActions
        submitLabel={<Translate id="console.app.create.submit">注册应用</Translate>}
        disabled={busy || !orgId}
      />
    </form>
  );
}
