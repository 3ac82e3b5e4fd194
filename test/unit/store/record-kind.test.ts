import { qaEscalationKind } from '../../../bot/src/policy/records';
import { RecordValidationError } from '../../../bot/src/store/errors';
import { field } from '../../../bot/src/store/field';
import { defineRecordKind, validatePatch, validateRecord } from '../../../bot/src/store/record-kind';

describe('defineRecordKind', () => {
  it('derives the columns the adapters create from the fields: name, type, required, indexed', () => {
    expect(qaEscalationKind.columns).toEqual(
      expect.arrayContaining([
        { name: 'question', type: 'text', required: true, indexed: false, maxLength: 2000, choices: null },
        { name: 'askerId', type: 'personId', required: true, indexed: true, maxLength: null, choices: null },
        {
          name: 'status',
          type: 'choice',
          required: true,
          indexed: true,
          maxLength: null,
          choices: ['open', 'answered'],
        },
        {
          name: 'answeredAt',
          type: 'dateTime',
          required: false,
          indexed: false,
          maxLength: null,
          choices: null,
        },
      ]),
    );
    expect(qaEscalationKind.listTitle).toBe('Mamori QA Escalations');
  });

  it('refuses an indexed text field longer than SharePoint can index', () => {
    expect(() => field.text({ indexed: true, maxLength: 256 })).toThrow(/at most 255/);
  });

  it('refuses field names the record envelope or SharePoint lists already use', () => {
    for (const name of ['id', 'etag', 'createdAt', 'Title', 'modified', 'clientRequestId']) {
      expect(() => defineRecordKind({ name: 'k', listTitle: 'K', fields: { [name]: field.text() } })).toThrow(
        `"${name}" cannot be a field name`,
      );
    }
  });

  it('validates a whole record, naming every bad field', () => {
    const error = (() => {
      try {
        validateRecord(qaEscalationKind, { question: '', status: 'closed' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(RecordValidationError);
    expect((error as RecordValidationError).fields).toEqual(
      expect.arrayContaining([
        'question',
        'askerId',
        'askerName',
        'locale',
        'assignedTo',
        'status',
        'notified',
      ]),
    );
  });

  it('validates only the fields a patch sets, and refuses fields the kind does not have', () => {
    expect(validatePatch(qaEscalationKind, { status: 'answered', answer: undefined })).toEqual({
      status: 'answered',
    });
    expect(() => validatePatch(qaEscalationKind, { colour: 'red' })).toThrow(/colour: no such field/);
  });
});
