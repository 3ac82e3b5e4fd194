/** The only door to botbuilder: swap this folder to move to @microsoft/agents-hosting. */
export { createAdapter, assertAuthenticationOn } from './adapter';
export { BotFrameworkNotifier } from './bot-framework-notifier';
export { createTurnLogic } from './turn-logic';
export type { CloudAdapter, TurnContext } from 'botbuilder';
