export declare function githubPermissionsModule(): string;
