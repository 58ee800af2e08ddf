import { translate } from '@docusaurus/Translate';
import type { Granularity, UsagePoint } from '@site/src/console/usage-types';
import { useFormatNumber } from '@site/src/console/use-format-number';
import { useShanghaiTime } from '@site/src/console/use-shanghai-time';
import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import styles from './usage.module.css';

type Outcome = 'success' | 'clientErrors' | 'rejected' | 'serverErrors';

// Functions, not constants: each translate() call must stay literal for `write-translations`.
const OUTCOMES: [Outcome, string, () => string][] = [
  ['success', '#2e8555', () => translate({ id: 'console.usage.success', message: '成功（2xx/3xx）' })],
  [
    'clientErrors',
    '#e6a700',
    () => translate({ id: 'console.usage.clientErrors', message: '请求错误（4xx）' }),
  ],
  ['rejected', '#7a5cc7', () => translate({ id: 'console.usage.rejected', message: '被限流（429）' })],
  [
    'serverErrors',
    '#d9363e',
    () => translate({ id: 'console.usage.serverErrors', message: '平台错误（5xx）' }),
  ],
];

interface Props {
  testId: string;
  series: UsagePoint[];
  granularity: Granularity;
}

/** Calls per hour or day, stacked by outcome. Rendered in the browser only, inside the session gate. */
export function UsageChart({ testId, series, granularity }: Props): ReactNode {
  const time = useShanghaiTime();
  const { count } = useFormatNumber();
  const data = series.map((point) => ({ ...point, label: time.point(point.start, granularity) }));
  const names = Object.fromEntries(OUTCOMES.map(([key, , label]) => [key, label()]));
  return (
    <figure
      className={styles.chart}
      data-testid={testId}
      aria-label={translate({ id: 'console.usage.chartLabel', message: '调用量随时间的变化，按结果分类' })}
    >
      {/* A fixed height, a minimum width and a first guess at the size: a headless browser may report a width of 0. */}
      <ResponsiveContainer
        width="100%"
        height="100%"
        minWidth={320}
        initialDimension={{ width: 640, height: 288 }}
      >
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tickLine={false} minTickGap={12} />
          <YAxis allowDecimals={false} tickFormatter={count} width={56} />
          <Tooltip formatter={(value, name) => [count(Number(value)), names[String(name)] ?? String(name)]} />
          <Legend formatter={(name) => names[String(name)] ?? String(name)} />
          {OUTCOMES.map(([key, colour]) => (
            <Bar key={key} dataKey={key} stackId="calls" fill={colour} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
