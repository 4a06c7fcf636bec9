// Looking up a word someone typed (a CSV role, a query value) in a table of known words. A plain
// `TABLE[word]` or `word in TABLE` also finds what every object inherits from Object.prototype
// ("constructor", "toString", "__proto__"…), so a made-up word would pass as a known one. These
// read the table's own properties only. No imports: anything may use this file.

/** The table's value for `key`, or undefined when `key` is not one of its own words. */
export function ownValue<V>(table: Readonly<Record<string, V>>, key: string | null | undefined): V | undefined {
  return typeof key === "string" && Object.hasOwn(table, key) ? table[key] : undefined;
}

/** True when `key` is one of the table's own words (narrowing it to the table's keys). */
export function isOwnKey<T extends object>(table: T, key: unknown): key is keyof T & string {
  return typeof key === "string" && Object.hasOwn(table, key);
}
