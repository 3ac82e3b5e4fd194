/** A person in the company directory (Entra ID users), as the capabilities need them. */
export interface DirectoryUser {
  /** Entra object id. */
  id: string;
  displayName: string;
  userPrincipalName: string;
  department: string | null;
  jobTitle: string | null;
  accountEnabled: boolean;
  /** `null` when Entra does not say. */
  userType: 'Member' | 'Guest' | null;
}

/** The people of the tenant and who manages whom. */
export interface Directory {
  listUsers(): Promise<DirectoryUser[]>;
  /** The user's manager, or `null` when none is set (or the user is unknown). */
  getManager(userId: string): Promise<DirectoryUser | null>;
}
