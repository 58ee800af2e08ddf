import Translate from '@docusaurus/Translate';
import type { ConsoleApi } from '@site/src/console/console-api';
import type { App } from '@site/src/console/types';
import { useAction } from '@site/src/console/use-action';
import { type FormEvent, type ReactNode, useState } from 'react';
import { AppFields, type AppFieldValues, appFieldsBody } from './app-fields';
import styles from './console.module.css';
import { FormActions } from './form-actions';
import { ProblemAlert } from './problem-alert';

interface Props {
  api: ConsoleApi;
  app: App;
  /** Called once saved, so the page shows the new values. */
  onSaved: () => void;
}

/** Edits what a publisher may change after registration; new redirect URIs apply at once. */
export function AppEditForm({ api, app, onSaved }: Props): ReactNode {
  const [fields, setFields] = useState<AppFieldValues>({
    name: app.name,
    description: app.description,
    redirectUris: app.redirectUris.join('\n'),
  });
  const [saved, setSaved] = useState(false);
  const { busy, problem, run } = useAction();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const outcome = await run(() => api.updateApp(app.id, appFieldsBody(fields)));
    if (!outcome.ok) return;
    setSaved(true);
    onSaved();
  }

  return (
    <section className={styles.section} aria-labelledby="edit-app">
      <h2 id="edit-app">
        <Translate id="console.edit.title">编辑应用</Translate>
      </h2>
      <form className={styles.form} data-testid="edit-app" onSubmit={submit}>
        {problem && <ProblemAlert problem={problem} />}
        <AppFields values={fields} onChange={setFields} />
        <FormActions submitLabel={<Translate id="console.edit.save">保存修改</Translate>} disabled={busy}>
          <span role="status" className={styles.hint}>
            {saved && <Translate id="console.edit.saved">已保存</Translate>}
          </span>
        </FormActions>
      </form>
    </section>
  );
}
