export { PolicyPackError } from './errors';
export type { PolicyPackErrorReason } from './errors';
export { loadPolicyPack } from './load';
export type {
  PolicyLine,
  PolicyLineKind,
  PolicyPack,
  PolicyPackMeta,
  PolicyPart,
  PolicyPartMeta,
  PolicySection,
  PolicyTable,
} from './types';
