import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  MessageFactory,
  type TurnContext,
} from 'botbuilder';
import type { BotCredentials } from '../config';
import { localeFrom } from '../i18n/locale';
import { t } from '../i18n/messages';
import type { Logger } from '../logger';
import { keepEntityProperties } from './entity-serialization';

/**
 * The Bot Framework adapter. With credentials, every request must carry a valid Bot Framework
 * token for our app in our tenant (single tenant); without them (local mode only) auth is off.
 */
export function createAdapter(bot: BotCredentials | null, logger: Logger): CloudAdapter {
  keepEntityProperties(); // Teams citations travel as entity properties the connector would drop

  const settings = bot
    ? {
        MicrosoftAppId: bot.appId,
        MicrosoftAppPassword: bot.appPassword,
        MicrosoftAppTenantId: bot.tenantId,
        MicrosoftAppType: 'SingleTenant',
      }
    : {};
  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication(
      settings,
      new ConfigurationServiceClientCredentialFactory(settings),
    ),
  );
  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    logger.error(
      { err: error, activityId: context.activity.id, type: context.activity.type },
      'unhandled error in a turn',
    );
    // The user sees a generic message: never the error text or a stack.
    if (context.activity.type === 'message') {
      await context.sendActivity(MessageFactory.text(t(localeFrom(context.activity.locale), 'genericError')));
    }
  };
  return adapter;
}

/** Production must never run with auth off: ask the credential factory itself, not our config. */
export async function assertAuthenticationOn(bot: BotCredentials): Promise<void> {
  const factory = new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: bot.appId,
    MicrosoftAppPassword: bot.appPassword,
    MicrosoftAppTenantId: bot.tenantId,
    MicrosoftAppType: 'SingleTenant',
  });
  if (await factory.isAuthenticationDisabled()) {
    throw new Error('Bot Framework authentication would be disabled; refusing to start in production');
  }
}
