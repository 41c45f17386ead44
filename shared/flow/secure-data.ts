// Secure inputs and outputs (a step's or trigger's runtimeConfiguration.secureData.properties): the
// values still flow through the run, but run history does not show them.

export interface SecuredData {
  inputs: boolean;
  outputs: boolean;
}

export const NOT_SECURED: SecuredData = { inputs: false, outputs: false };

/** Which of a step's (or trigger's) inputs and outputs are secured. */
export function securedData(step: unknown): SecuredData {
  const rc = isObject(step) ? step.runtimeConfiguration : undefined;
  const sd = isObject(rc) ? rc.secureData : undefined;
  const properties = isObject(sd) ? sd.properties : undefined;
  if (!Array.isArray(properties)) return NOT_SECURED;
  return { inputs: properties.includes("inputs"), outputs: properties.includes("outputs") };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
