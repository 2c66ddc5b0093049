/** Staff roles, in the order the UI lists them. What each may do is decided in SQL. */
export const ROLES = ['admin', 'editor', 'analyst', 'data_entry'] as const;
export type Role = (typeof ROLES)[number];
