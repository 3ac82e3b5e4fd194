// The baseline for bench:turn: the smallest botbuilder bot, served the same way Mamori is
// (express 5, JSON body, CloudAdapter, auth off). It lives outside bot/src on purpose:
// it is a yardstick, not product code.
import express from 'express';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';

const port = Number(process.env.PORT ?? 0);
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const logic = async (context: TurnContext) => {
  if (context.activity.type === 'message') await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
};
const app = express();
app.post('/api/messages', express.json({ limit: '4mb' }), (req, res) => adapter.process(req, res, logic));
const server = app.listen(port, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
