import Translate from '@docusaurus/Translate';
import type { ConsoleApi } from '@site/src/console/console-api';
import { lines } from '@site/src/console/lines';
import type { App } from '@site/src/console/types';
import { useAction } from '@site/src/console/use-action';
import { type FormEvent, type ReactNode, useState } from 'react';
import styles from './console.module.css';
import { Field } from './field';
import { ProblemAlert } from './problem-alert';
import { RedirectUrisField } from './redirect-uris-field';

interface Props {
  api: ConsoleApi;
  app: App;
  /** Called once saved, so the page shows the new values. */
  onSaved: () => void;
}

/** Edits what a publisher may change after registration; new redirect URIs apply at once. */
export function AppEditForm({ api, app, onSaved }: Props): ReactNode {
  const [name, setName] = useState(app.name);
  const [description, setDescription] = useState(app.description);
  const [redirectUris, setRedirectUris] = useState(app.redirectUris.join('\n'));
  const [saved, setSaved] = useState(false);
  const { busy, problem, run } = useAction();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const outcome = await run(() =>
      api.updateApp(app.id, {
        name: name.trim(),
        description: description.trim(),
        redirectUris: lines(redirectUris),
      }),
    );
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
        <Field label={<Translate id="console.app.description">应用简介</Translate>}>
          {(id) => (
            <textarea
              id={id}
              name="description"
              className={styles.input}
              required
              minLength={4}
              maxLength={500}
              rows={3}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          )}
        </Field>
        <RedirectUrisField value={redirectUris} onChange={setRedirectUris} />
        <div className={styles.actions}>
          <button type="submit" className="button button--primary" disabled={busy}>
            <Translate id="console.edit.save">保存修改</Translate>
          </button>
          <span role="status" className={styles.hint}>
            {saved && <Translate id="console.edit.saved">已保存</Translate>}
          </span>
        </div>
      </form>
    </section>
  );
}
