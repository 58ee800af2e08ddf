import Translate from '@docusaurus/Translate';
import type { ReactNode } from 'react';
import { Field } from './field';

/** Redirect URIs, one per line; the create and edit forms share the rules shown here. */
export function RedirectUrisField({
  value,
  onChange,
}: {
  value: string;
  onChange: (value: string) => void;
}): ReactNode {
  return (
    <Field
      label={<Translate id="console.app.redirectUris">回调地址（redirect_uri）</Translate>}
      hint={
        <Translate id="console.app.redirectUrisHint">
          每行一个，授权码模式按完整字符串精确匹配。须为 https 地址；开发时可用回环地址上的
          http（127.0.0.1、[::1]、localhost）。不支持通配符和 # 片段。
        </Translate>
      }
    >
      {(control) => (
        <textarea
          {...control}
          name="redirectUris"
          rows={3}
          spellCheck={false}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
