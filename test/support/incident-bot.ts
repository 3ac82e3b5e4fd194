import type { ReminderPolicy } from '../../bot/src/incidents/reminder-policy';
import type { Clock } from '../../bot/src/shared/clock';
import { ManualClock } from './manual-clock';
import { startTestBot, type TestBot } from './test-bot';

export { ManualClock };

export type IncidentBot = TestBot;

/**
 * The real server (startMamori) for incident tests: SQLite in `dataDir`, the demo Graph simulator, a clock
 * the test controls. Reminders are not started on a timer: tests call `reminders.tick()`.
 */
export function startIncidentBot(
  options: { dataDir?: string; clock: Clock; reminders?: Partial<ReminderPolicy> } = {
    clock: new ManualClock(new Date()),
  },
): Promise<IncidentBot> {
  return startTestBot({
    dataDir: options.dataDir,
    clock: options.clock,
    reminderPolicy: options.reminders,
    startReminders: false,
  });
}
