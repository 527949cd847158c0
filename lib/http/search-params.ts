/**
 * A URL's query as an object for a zod schema: a key given once is a string, a key given more
 * than once (`license=FULL&license=LIMITED`) a list, in order.
 */
export function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    result[key] = values.length === 1 ? values[0]! : values;
  }
  return result;
}
