import type { MessageKey } from '../i18n/messages';

export const capabilities = [
  'policy',
  'incident',
  'takeout',
  'training',
  'status',
  'mfa',
  'devices',
] as const;
export type Capability = (typeof capabilities)[number];

/** Tenant-wide figures are for security staff only (product.md, Security posture). */
export const staffOnly: ReadonlySet<Capability> = new Set<Capability>(['mfa', 'devices']);

export const capabilityLabel: Record<Capability, MessageKey> = {
  policy: 'capabilityPolicy',
  incident: 'capabilityIncident',
  takeout: 'capabilityTakeout',
  training: 'capabilityTraining',
  status: 'capabilityStatus',
  mfa: 'capabilityMfa',
  devices: 'capabilityDevices',
};

export const capabilityHint: Record<Capability, MessageKey> = {
  policy: 'capabilityPolicyHint',
  incident: 'capabilityIncidentHint',
  takeout: 'capabilityTakeoutHint',
  training: 'capabilityTrainingHint',
  status: 'capabilityStatusHint',
  mfa: 'capabilityMfaHint',
  devices: 'capabilityDevicesHint',
};
