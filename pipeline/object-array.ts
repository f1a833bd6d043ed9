// Arrays of records (or strings) that V8 gives one hidden class, whatever their length and however they were made.

/**
 * `items` copied into an array V8 holds as packed objects. What `map` gives is not that: empty,
 * V8 holds it as small integers; otherwise packed or, when `map` left its fast path, holey
 * (doc 98 of the bench). Each is a hidden class of its own, and code a worker had optimized for one
 * was thrown away at the first document that brought another, in every function that loops over a
 * document's quotes, speakers or messages, and compiled again (~14 times a worker in a
 * 5,000-article run with the report, each 20–40 ms of TurboFan).
 */
export function objectArray<T>(items: readonly T[]): T[] {
  const packed: unknown[] = [null];
  packed.pop();
  for (let i = 0; i < items.length; i++) packed.push(items[i]);
  return packed as T[];
}
