// The roles of a shared project's members (their rules: roles.ts).

/** Roles a member of a shared project can have. The owner shared it (and may invite and remove members). */
export const ROLES = ['owner', 'editor', 'commenter', 'reader'] as const
export type Role = (typeof ROLES)[number]
/** Roles an invite can give. */
export const INVITE_ROLES = ['editor', 'commenter', 'reader'] as const satisfies readonly Role[]
export type InviteRole = (typeof INVITE_ROLES)[number]
