import Translate, { translate } from '@docusaurus/Translate';
import type { Product } from '@site/src/console/product-types';
import { useAction } from '@site/src/console/use-action';
import { useResource } from '@site/src/console/use-resource';
import type { Session } from '@site/src/console/use-session';
import { type ReactNode, useState } from 'react';
import type { Column } from '../data-table';
import { Loading } from '../loading';
import { AdminProblemAlert } from './admin-problem-alert';
import { CatalogueLayout } from './catalogue-layout';
import { CatalogueRowActions } from './catalogue-row-actions';
import { ProductForm } from './product-form';
import { sensitivityLabel } from './sensitivity-label';

const IN_USE = (
  <Translate id="console.product.inUse">
    仍有应用订阅了这个产品（无论订阅状态如何），不能删除。请先处理这些订阅。
  </Translate>
);

/** The API products: listed, created, edited, deleted while no app subscribes to them. */
export function ProductsAdmin({ session }: { session: Session }): ReactNode {
  const { admin } = session;
  const products = useResource(admin.listProducts);
  const [editing, setEditing] = useState<Product>();
  const { busy, problem, run } = useAction();

  async function remove(product: Product) {
    const question = translate(
      {
        id: 'console.product.deleteConfirm',
        message: '删除产品 {name}（{code}）？它的接口将不属于任何产品。',
      },
      { name: product.name, code: product.code },
    );
    if (!window.confirm(question)) return;
    if ((await run(() => admin.deleteProduct(product.code))).ok) await products.reload();
  }

  if (products.problem) return <AdminProblemAlert problem={products.problem} />;
  if (!products.data) return <Loading />;
  const columns: Column<Product & { id: string }>[] = [
    {
      id: 'code',
      header: <Translate id="console.product.code">产品代码</Translate>,
      cell: (p) => <code>{p.code}</code>,
    },
    {
      id: 'name',
      header: <Translate id="console.product.nameShort">名称</Translate>,
      cell: (p) => `${p.name} / ${p.nameEn}`,
    },
    {
      id: 'sensitivity',
      header: <Translate id="console.product.sensitivity">数据类别</Translate>,
      cell: (p) => sensitivityLabel(p.sensitivity),
    },
    { id: 'scope', header: 'scope', cell: (p) => <code>{p.scope}</code> },
    {
      id: 'operations',
      header: <Translate id="console.product.operationCount">接口数</Translate>,
      cell: (p) => <span title={p.operations.join('\n')}>{p.operations.length}</span>,
    },
    {
      id: 'actions',
      header: <Translate id="console.credential.actions">操作</Translate>,
      cell: (p) => (
        <CatalogueRowActions busy={busy} onEdit={() => setEditing(p)} onDelete={() => remove(p)} />
      ),
    },
  ];
  return (
    <CatalogueLayout
      testId="products"
      rows={products.data}
      columns={columns}
      problem={problem}
      conflict={IN_USE}
      editing={
        editing && {
          title: (
            <Translate id="console.product.editTitle" values={{ code: editing.code }}>
              {'编辑产品 {code}'}
            </Translate>
          ),
          form: (
            <ProductForm
              key={editing.code}
              admin={admin}
              product={editing}
              onSaved={products.reload}
              onClose={() => setEditing(undefined)}
            />
          ),
        }
      }
      newLabel={<Translate id="console.product.new">新建产品</Translate>}
      newForm={<ProductForm admin={admin} onSaved={products.reload} />}
    />
  );
}
