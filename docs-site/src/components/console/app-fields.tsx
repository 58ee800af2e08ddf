import Translate from '@docusaurus/Translate';
import { lines } from '@site/src/console/lines';
import type { App } from '@site/src/console/types';
import type { ReactNode } from 'react';
import { Field } from './field';
import { RedirectUrisField } from './redirect-uris-field';
import { TextField } from './text-field';

/** The fields as typed: redirect URIs one per line. */
export interface AppFieldValues {
  name: string;
  description: string;
  redirectUris: string;
}

/** What the API takes from the fields: trimmed, and redirect URIs as a list. */
export function appFieldsBody(values: AppFieldValues): Pick<App, 'name' | 'description' | 'redirectUris'> {
  return {
    name: values.name.trim(),
    description: values.description.trim(),
    redirectUris: lines(values.redirectUris),
  };
}

interface Props {
  values: AppFieldValues;
  onChange: (values: AppFieldValues) => void;
  descriptionHint?: ReactNode;
  /** Fields asked between the description and the redirect URIs, e.g. the homepage at registration. */
  children?: ReactNode;
}

/** What an app is registered with and may change later: its name, description and redirect URIs. */
export function AppFields({ values, onChange, descriptionHint, children }: Props): ReactNode {
  return (
    <>
      <TextField
        label={<Translate id="console.app.name">应用名称</Translate>}
        name="name"
        required
        minLength={2}
        maxLength={60}
        value={values.name}
        onChange={(name) => onChange({ ...values, name })}
      />
      <Field label={<Translate id="console.app.description">应用简介</Translate>} hint={descriptionHint}>
        {(control) => (
          <textarea
            {...control}
            name="description"
            required
            minLength={4}
            maxLength={500}
            rows={3}
            value={values.description}
            onChange={(e) => onChange({ ...values, description: e.target.value })}
          />
        )}
      </Field>
      {children}
      <RedirectUrisField
        value={values.redirectUris}
        onChange={(redirectUris) => onChange({ ...values, redirectUris })}
      />
    </>
  );
}
