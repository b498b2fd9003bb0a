export const SCHEMA_PATH: string;
export const REFERENCE_PATH: string;
export function policyReference(schema: Record<string, unknown>): string;
