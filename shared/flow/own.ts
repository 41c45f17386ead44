// Own-property access for maps keyed by names from files. A name may be "__proto__": a plain
// read would then find Object.prototype, and a plain write would change the object's prototype.

export function getOwn<T>(map: { readonly [key: string]: T } | undefined, key: string): T | undefined {
  return map !== undefined && Object.hasOwn(map, key) ? map[key] : undefined;
}

export function putOwn<T>(map: { [key: string]: T }, key: string, value: T): void {
  Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
}
