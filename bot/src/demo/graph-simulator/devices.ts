import type { ManagedDevice } from '../demo-tenant';
import { evaluateFilter, filterPaths, parseFilter } from './filter';
import { collection, contextUrl, option, paginate, parseSelect, project } from './odata';
import type { Router } from './router';
import { findUser } from './users';
import { badRequest, GraphError, json, type SimRequest } from './types';

/**
 * Intune managed devices (api-reference/v1.0/api/intune-devices-manageddevice-list.md,
 * intune-devices-manageddevice-get.md, user-list-manageddevices.md; resources/intune-devices-manageddevice.md).
 * Each device carries `@odata.type: #microsoft.graph.managedDevice`, as in the documented list response.
 */
const FILTERABLE = new Set([
  ...'id deviceName operatingSystem osVersion complianceState isEncrypted jailBroken'.split(' '),
  ...'managedDeviceOwnerType managementAgent userId userPrincipalName lastSyncDateTime enrolledDateTime'.split(
    ' ',
  ),
]);
const PAGE = { defaultSize: 1000, maxTop: 1000, outOfRange: 'clamp' } as const;

const deviceEntity = (d: ManagedDevice): Record<string, unknown> => ({
  '@odata.type': '#microsoft.graph.managedDevice',
  ...d,
});

function filterDevices(req: SimRequest, devices: ManagedDevice[]): ManagedDevice[] {
  const text = option(req, 'filter');
  if (text === undefined) return devices;
  const expr = parseFilter(text);
  for (const path of filterPaths(expr))
    if (!FILTERABLE.has(path))
      throw badRequest(`Invalid filter clause: property '${path}' cannot be filtered.`);
  return devices.filter((d) => evaluateFilter(expr, (p) => (d as Record<string, unknown>)[p]));
}

export function registerDeviceRoutes(router: Router): void {
  router
    .on('GET', '/deviceManagement/managedDevices', (req, _p, ctx) => {
      const select = parseSelect(req);
      const page = paginate(req, ctx, filterDevices(req, ctx.tenant.managedDevices), PAGE);
      const value = page.page.map((d) => project(deviceEntity(d), select));
      return json(
        collection(contextUrl(ctx, 'deviceManagement/managedDevices', select), { ...page, page: value }),
      );
    })
    .on('GET', '/deviceManagement/managedDevices/:id', (req, { id }, ctx) => {
      const device = ctx.tenant.managedDevices.find((d) => d.id === id);
      if (!device)
        throw new GraphError(404, 'ResourceNotFound', `Resource not found: managedDevice '${id}'.`);
      const select = parseSelect(req);
      const context = contextUrl(ctx, 'deviceManagement/managedDevices', select, true);
      return json({ '@odata.context': context, ...project(deviceEntity(device), select) });
    })
    .on('GET', '/users/:id/managedDevices', (req, { id }, ctx) => {
      const user = findUser(ctx.tenant, id!);
      const select = parseSelect(req);
      const devices = filterDevices(
        req,
        ctx.tenant.managedDevices.filter((d) => d.userId === user.id),
      );
      const page = paginate(req, ctx, devices, PAGE);
      const value = page.page.map((d) => project(deviceEntity(d), select));
      return json(
        collection(contextUrl(ctx, `users('${user.id}')/managedDevices`, select), { ...page, page: value }),
      );
    });
}
