export function largePolicyText(
  rules: number,
  options?: { issuers?: readonly unknown[]; unlintedEvery?: number },
): string;
export function largePolicyClaims(i: number, rules: number): Record<string, string>;
