import Translate from '@docusaurus/Translate';
import type { AdminApi } from '@site/src/console/admin-api';
import { lines } from '@site/src/console/lines';
import type { Product, Sensitivity } from '@site/src/console/product-types';
import { useAction } from '@site/src/console/use-action';
import { type FormEvent, type ReactNode, useState } from 'react';
import { ChoiceFieldset } from '../choice-fieldset';
import styles from '../console.module.css';
import { Field } from '../field';
import { FormActions } from '../form-actions';
import { TextField } from '../text-field';
import { CatalogueProblemAlert } from './catalogue-problem-alert';
import { SENSITIVITY_VALUES, sensitivityLabel } from './sensitivity-label';

const CONFLICT = (
  <Translate id="console.product.conflict">
    已有相同代码的产品。请换一个产品代码，或在上面的列表中编辑已有的产品。
  </Translate>
);

interface Props {
  admin: AdminApi;
  /** The product to edit; none: a new one. */
  product?: Product;
  onSaved: () => Promise<void>;
  onClose?: () => void;
}

/** Creates an API product or edits one; the code and scope are fixed once it exists. */
export function ProductForm({ admin, product, onSaved, onClose }: Props): ReactNode {
  const [code, setCode] = useState(product?.code ?? '');
  const [name, setName] = useState(product?.name ?? '');
  const [nameEn, setNameEn] = useState(product?.nameEn ?? '');
  const [description, setDescription] = useState(product?.description ?? '');
  const [sensitivity, setSensitivity] = useState<Sensitivity>(product?.sensitivity ?? 'public');
  const [scope, setScope] = useState(product?.scope ?? '');
  const [operations, setOperations] = useState(product?.operations.join('\n') ?? '');
  const { busy, problem, run } = useAction();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = {
      name: name.trim(),
      nameEn: nameEn.trim(),
      description: description.trim(),
      sensitivity,
      operations: lines(operations),
    };
    const outcome = await run(() =>
      product
        ? admin.updateProduct(product.code, fields)
        : admin.createProduct({ ...fields, code: code.trim(), scope: scope.trim() }),
    );
    if (!outcome.ok) return;
    if (!product) {
      for (const reset of [setCode, setName, setNameEn, setDescription, setScope, setOperations]) reset('');
    }
    await onSaved();
    onClose?.();
  }

  return (
    <form className={styles.form} data-testid={product ? 'edit-product' : 'create-product'} onSubmit={submit}>
      {problem && <CatalogueProblemAlert problem={problem} conflict={CONFLICT} />}
      {!product && (
        <>
          <TextField
            label={<Translate id="console.product.code">产品代码</Translate>}
            hint={
              <Translate id="console.product.codeHint">
                小写字母、数字和连字符，例如 licences；创建后不能修改。
              </Translate>
            }
            name="code"
            required
            pattern="[a-z][a-z0-9\-]{1,39}"
            maxLength={40}
            value={code}
            onChange={setCode}
          />
          <TextField
            label={<Translate id="console.product.scope">OAuth 权限范围</Translate>}
            hint={
              <Translate id="console.product.scopeHint">
                其接口需要的 scope，例如 licences:read；创建后不能修改。
              </Translate>
            }
            name="scope"
            required
            pattern="[a-z][a-z0-9\-]*:[a-z]+"
            maxLength={64}
            value={scope}
            onChange={setScope}
          />
        </>
      )}
      <TextField
        label={<Translate id="console.product.name">名称（中文）</Translate>}
        name="name"
        required
        maxLength={60}
        value={name}
        onChange={setName}
      />
      <TextField
        label={<Translate id="console.product.nameEn">名称（英文）</Translate>}
        name="nameEn"
        required
        maxLength={100}
        value={nameEn}
        onChange={setNameEn}
      />
      <Field label={<Translate id="console.product.description">说明</Translate>}>
        {(control) => (
          <textarea
            {...control}
            name="description"
            required
            rows={2}
            maxLength={500}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        )}
      </Field>
      <ChoiceFieldset
        legend={<Translate id="console.product.sensitivity">数据类别</Translate>}
        type="radio"
        name={product ? `sensitivity-${product.code}` : 'sensitivity'}
        options={SENSITIVITY_VALUES}
        label={sensitivityLabel}
        isChecked={(value) => value === sensitivity}
        onChange={(value) => setSensitivity(value)}
      />
      <Field
        label={<Translate id="console.product.operations">包含的接口（operationId，每行一个）</Translate>}
        hint={
          <Translate id="console.product.operationsHint">
            须是 /v1 下的接口，且不属于其他产品；要移动接口，先从原产品中去掉。
          </Translate>
        }
      >
        {(control) => (
          <textarea
            {...control}
            name="operations"
            rows={4}
            spellCheck={false}
            value={operations}
            onChange={(e) => setOperations(e.target.value)}
          />
        )}
      </Field>
      <FormActions
        submitLabel={
          product ? (
            <Translate id="console.admin.save">保存修改</Translate>
          ) : (
            <Translate id="console.product.create">创建产品</Translate>
          )
        }
        disabled={busy}
        onCancel={onClose}
      />
    </form>
  );
}
