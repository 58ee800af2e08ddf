/**
 * A value now, or later. The hot path answers from memory almost always; staying synchronous
 * then, instead of paying a promise per step, is most of what keeps the gateway near bare speed.
 */
export type Maybe<T> = T | Promise<T>;

export function andThen<T, R>(value: Maybe<T>, next: (value: T) => Maybe<R>): Maybe<R> {
  return value instanceof Promise ? value.then(next) : next(value);
}
