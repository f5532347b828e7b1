/**
 * Orders items so that each comes after the items it depends on (depth-first topological sort).
 * Returns the cycle, as a closed path of items, when there is one.
 */
export function dependencyOrder<T>(
  items: readonly T[],
  dependenciesOf: (item: T) => readonly T[],
): { order: T[]; cycle?: undefined } | { order?: undefined; cycle: T[] } {
  const order: T[] = [];
  const state = new Map<T, "visiting" | "done">();
  const path: T[] = [];

  const visit = (item: T): T[] | undefined => {
    const seen = state.get(item);
    if (seen === "done") return undefined;
    if (seen === "visiting") return [...path.slice(path.indexOf(item)), item];
    state.set(item, "visiting");
    path.push(item);
    for (const dependency of dependenciesOf(item)) {
      const cycle = visit(dependency);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(item, "done");
    order.push(item);
    return undefined;
  };

  for (const item of items) {
    const cycle = visit(item);
    if (cycle) return { cycle };
  }
  return { order };
}
