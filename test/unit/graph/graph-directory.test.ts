import { GraphDirectory } from '../../../bot/src/directory/graph-directory';
import { graphErrorResponse, jsonResponse } from '../../support/fake-fetch';
import { caughtGraphError, graphOnFakeFetch } from '../../support/graph-test-client';

const SELECT = '$select=id,displayName,userPrincipalName,department,jobTitle,accountEnabled,userType';

const sato = {
  id: 'u-sato',
  displayName: '佐藤 花子',
  userPrincipalName: 'sato@contoso.example',
  department: '営業部',
  jobTitle: '部長',
  accountEnabled: true,
  userType: 'Member',
};

describe('GraphDirectory', () => {
  it('lists users with the selected fields, 999 a page, across pages', async () => {
    const next = 'https://graph.microsoft.com/v1.0/users?$skiptoken=abc';
    const { graph, sent } = graphOnFakeFetch((request) =>
      request.url === next
        ? jsonResponse(200, {
            value: [
              {
                id: 'u-guest',
                displayName: null,
                userPrincipalName: 'guest_example.com#EXT#@contoso.example',
                department: null,
                jobTitle: null,
                accountEnabled: null,
                userType: 'Guest',
              },
            ],
          })
        : jsonResponse(200, { value: [sato], '@odata.nextLink': next }),
    );
    const users = await new GraphDirectory(graph).listUsers();

    expect(sent[0]?.url).toBe(`https://graph.microsoft.com/v1.0/users?${SELECT}&$top=999`);
    expect(sent[1]?.url).toBe(next);
    expect(users).toEqual([
      sato,
      {
        id: 'u-guest',
        displayName: 'guest_example.com#EXT#@contoso.example',
        userPrincipalName: 'guest_example.com#EXT#@contoso.example',
        department: null,
        jobTitle: null,
        accountEnabled: false,
        userType: 'Guest',
      },
    ]);
  });

  it("reads a user's manager", async () => {
    const { graph, sent } = graphOnFakeFetch(() =>
      jsonResponse(200, { '@odata.type': '#microsoft.graph.user', ...sato }),
    );
    await expect(new GraphDirectory(graph).getManager('u 1/x')).resolves.toEqual(sato);
    expect(sent[0]?.url).toBe(`https://graph.microsoft.com/v1.0/users/u%201%2Fx/manager?${SELECT}`);
  });

  it('returns null when the user has no manager (404)', async () => {
    const { graph } = graphOnFakeFetch(() => graphErrorResponse(404, 'Request_ResourceNotFound'));
    await expect(new GraphDirectory(graph).getManager('u-ceo')).resolves.toBeNull();
  });

  it('rethrows other failures', async () => {
    const { graph } = graphOnFakeFetch(() => graphErrorResponse(403, 'Authorization_RequestDenied'));
    const error = await caughtGraphError(new GraphDirectory(graph).getManager('u-1'));
    expect(error.reason).toBe('forbidden');
  });

  it('rejects a manager that is not a user (an org contact has no userPrincipalName)', async () => {
    const { graph } = graphOnFakeFetch(() =>
      jsonResponse(200, { '@odata.type': '#microsoft.graph.orgContact', id: 'c-1', displayName: 'Outside' }),
    );
    const error = await caughtGraphError(new GraphDirectory(graph).getManager('u-1'));
    expect(error.reason).toBe('invalidResponse');
  });
});
