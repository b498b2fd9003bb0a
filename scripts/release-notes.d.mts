export class ReleaseNotesError extends Error {}
export function releaseNotes(changelog: string, version: string): string;
