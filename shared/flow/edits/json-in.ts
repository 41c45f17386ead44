// Setting and removing a nested field of a JSON object without touching the input.
import { isJsonObject, type JsonObject, type JsonValue } from "../../json";

/**
 * A copy of `target` with the field at `path` set to `value`, or removed when `value` is undefined
 * (then the objects emptied by the removal go too, so no `{}` litter is left behind).
 */
export function setIn(target: JsonObject, path: readonly string[], value: JsonValue | undefined): JsonObject {
  const [key, ...rest] = path;
  if (key === undefined) return target;
  if (rest.length === 0) {
    if (value !== undefined) return { ...target, [key]: value };
    if (!Object.hasOwn(target, key)) return target;
    const { [key]: _removed, ...others } = target;
    return others;
  }
  const child = target[key];
  if (value === undefined && !isJsonObject(child)) return target;
  const next = setIn(isJsonObject(child) ? child : {}, rest, value);
  if (value === undefined && Object.keys(next).length === 0) {
    const { [key]: _removed, ...others } = target;
    return others;
  }
  return { ...target, [key]: next };
}
