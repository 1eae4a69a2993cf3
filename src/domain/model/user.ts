import { z } from 'zod';

/** The roles a person who signs in to the console may hold (graduates and employers use apps and keys). */
export const USER_ROLES = ['career_office', 'auditor', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const userEmail = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email())
  .meta({ description: 'Sign-in email.', example: 'li.wei@career.example.edu.cn' });

/** At least 12 characters: a passphrase, not a pattern of character classes (NIST SP 800-63B §3.1.1.2). */
export const newPassword = z.string().min(12).max(256);

export const userCreate = z.object({
  tenantId: z.uuid(),
  email: userEmail,
  displayName: z.string().trim().min(1).max(120),
  role: z.enum(USER_ROLES),
  reviewer: z.boolean().default(false),
  password: newPassword,
});
export type UserCreate = z.input<typeof userCreate>;

/** A person added to the caller's own tenant (the console's settings page): the tenant is the caller's. */
export const userInvite = userCreate.omit({ tenantId: true });
export type UserInvite = z.input<typeof userInvite>;

export interface UserView {
  id: string;
  tenantId: string;
  email: string;
  displayName: string;
  role: UserRole;
  reviewer: boolean;
  createdAt: string;
  disabled: boolean;
}
