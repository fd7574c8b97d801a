/**
 * After a save is refused because someone else saved a newer version: keep every field this user
 * changed since the version they loaded, and take every other field from the newer version. Saving
 * the result then overwrites only what this user meant to change, so neither person's edit is lost.
 * (Where both changed the same field, this user's value wins: they are looking at it.)
 */
export function rebaseEdits<T extends Record<string, unknown>>(loaded: T, mine: T, newer: T): T {
  const result = { ...newer };
  for (const key of Object.keys(mine) as Array<keyof T>) {
    if (!sameValue(mine[key], loaded[key])) result[key] = mine[key];
  }
  return result;
}

function sameValue(a: unknown, b: unknown): boolean {
  // The form's values are strings, numbers and arrays of plain objects: JSON compares them exactly.
  return JSON.stringify(a) === JSON.stringify(b);
}
