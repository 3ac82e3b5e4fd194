import { InMemoryRecordStore } from '../../../bot/src/store/in-memory-record-store';
import { describeRecordStoreContract } from '../../support/record-store-contract';

describeRecordStoreContract('InMemoryRecordStore', () =>
  Promise.resolve({ store: new InMemoryRecordStore(), cleanup: () => Promise.resolve() }),
);
