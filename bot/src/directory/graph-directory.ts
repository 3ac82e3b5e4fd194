import { z } from 'zod';
import type { GraphClient } from '../graph/create-graph-client';
import { GraphError } from '../graph/graph-error';
import { getAll } from '../graph/paging';
import type { Directory, DirectoryUser } from './directory';

export const USER_FIELDS = [
  'id',
  'displayName',
  'userPrincipalName',
  'department',
  'jobTitle',
  'accountEnabled',
  'userType',
] as const;

/** Graph's user as selected; properties Entra leaves empty come back as `null`. */
const graphUser = z
  .object({
    id: z.string().min(1),
    displayName: z.string().nullish(),
    userPrincipalName: z.string().min(1),
    department: z.string().nullish(),
    jobTitle: z.string().nullish(),
    accountEnabled: z.boolean().nullish(),
    userType: z.string().nullish(),
  })
  .transform((u): DirectoryUser => ({
    id: u.id,
    displayName: u.displayName ?? u.userPrincipalName,
    userPrincipalName: u.userPrincipalName,
    department: u.department ?? null,
    jobTitle: u.jobTitle ?? null,
    // Unknown is treated as disabled: such an account is never counted as active staff.
    accountEnabled: u.accountEnabled ?? false,
    userType: u.userType === 'Member' || u.userType === 'Guest' ? u.userType : null,
  }));

/** The directory read from Microsoft Graph (`User.Read.All`). */
export class GraphDirectory implements Directory {
  constructor(private readonly graph: GraphClient) {}

  listUsers(): Promise<DirectoryUser[]> {
    return getAll(this.graph, '/users', { item: graphUser, select: USER_FIELDS, top: 999 });
  }

  async getManager(userId: string): Promise<DirectoryUser | null> {
    let body: unknown;
    try {
      body = await this.graph
        .api(`/users/${encodeURIComponent(userId)}/manager`)
        .select([...USER_FIELDS])
        .get();
    } catch (error) {
      if (error instanceof GraphError && error.reason === 'notFound') return null;
      throw error;
    }
    const parsed = graphUser.safeParse(body);
    if (!parsed.success) {
      throw new GraphError({
        reason: 'invalidResponse',
        status: 200,
        message: 'Graph GET /users/{id}/manager returned a manager that is not a user',
      });
    }
    return parsed.data;
  }
}
