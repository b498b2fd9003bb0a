export function largePolicyText(rules: number, options?: { issuers?: readonly unknown[] }): string;
export function largePolicyClaims(i: number, rules: number): Record<string, string>;
