/** The job summary after a token is issued: what it is for and until when, never the token. */
export interface IssuedTokenFacts {
  readonly environment: string;
  readonly scope: string;
  readonly tokenType: string;
  readonly expiresAt: string;
  readonly expiresIn: number;
  readonly tokenId?: string;
}

export function jobSummary(facts: IssuedTokenFacts): string {
  const minutes = Math.round(facts.expiresIn / 60);
  const rows = [
    ["environment", facts.environment],
    ["scopes", facts.scope === "" ? "(none)" : facts.scope],
    ["token type", facts.tokenType],
    ["expires", `${facts.expiresAt} (in ${minutes >= 1 ? `${minutes} min` : `${facts.expiresIn} s`})`],
    ["token id", facts.tokenId ?? "(unknown)"],
  ];
  return [
    `### downscope: a token for ${escapeCell(facts.environment)}`,
    "",
    "| | |",
    "|---|---|",
    ...rows.map(([name, value]) => `| ${name} | \`${escapeCell(value)}\` |`),
    "",
  ].join("\n");
}

function escapeCell(value: string): string {
  return value.replace(/[|`\n\r]/g, " ");
}
