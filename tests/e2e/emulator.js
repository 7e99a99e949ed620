// Bot API emulator for the end-to-end tests: telegram-test-api 4.2.1 behind a thin bridge that
// answers what python-telegram-bot 22 needs and the emulator lacks (docs/telegram.md of shared/):
//   getMe without is_bot; message dates in milliseconds; setMyCommands, sendChatAction … missing;
//   getUpdates ignoring `timeout` (we long-poll, so the bot does not spin).
// Usage: node tests/e2e/emulator.js PORT   (prints "ready" on stdout when listening)
'use strict';
const express = require('express');
const TelegramServer = require('telegram-test-api');

const port = Number(process.argv[2] || 9000);
const server = new TelegramServer({ port, host: '127.0.0.1', storeTimeout: 600 });
const inner = server.webServer;
const outer = express();
outer.use(express.json());
outer.use(express.urlencoded({ extended: true }));

const ok = (res, result) => res.json({ ok: true, result });
// python-telegram-bot sends nested objects (reply_markup, link_preview_options …) as JSON strings.
const decode = (body) => Object.fromEntries(Object.entries(body || {}).map(([k, v]) => {
  if (typeof v === 'string' && /^[[{]/.test(v)) {
    try { return [k, JSON.parse(v)]; } catch (e) { return [k, v]; }
  }
  return [k, v];
}));
const seconds = (m) => (m && m.date > 1e11 ? { ...m, date: Math.floor(m.date / 1000) } : m);

outer.all('/bot:token/getMe', (req, res) => ok(res, {
  id: 666, is_bot: true, first_name: 'Equality test bot', username: 'TestNameBot',
  can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false,
}));

for (const method of ['setMyCommands', 'deleteMyCommands', 'setMyDescription', 'setMyShortDescription',
  'sendChatAction', 'setChatMenuButton', 'close', 'logOut']) {
  outer.all(`/bot:token/${method}`, (req, res) => ok(res, true));
}

outer.all('/bot:token/sendMessage', (req, res) => {
  const body = decode(req.body);
  const message = server.addBotMessage(body, req.params.token);
  ok(res, seconds(message));
});

outer.all('/bot:token/editMessageText', (req, res) => {
  server.editMessageText(decode(req.body));
  const stored = server.storage.botMessages.find((u) => String(u.messageId) === String(req.body.message_id)
    && String(u.message.chat_id) === String(req.body.chat_id));
  if (stored) stored.isRead = false; // show the edit to the test client again
  ok(res, {
    message_id: Number(req.body.message_id), date: Math.floor(Date.now() / 1000), text: req.body.text,
    chat: { id: Number(req.body.chat_id), type: 'private' },
  });
});

// Long polling: wait for a user update (or the timeout) before answering.
outer.all('/bot:token/getUpdates', async (req, res, next) => {
  const token = req.params.token;
  const timeout = Math.min(Number((req.body && req.body.timeout) || req.query.timeout || 0), 10);
  const pending = () => server.storage.userMessages.some((u) => u.botToken === token && !u.isRead);
  const deadline = Date.now() + timeout * 1000;
  while (!pending() && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 25));
  }
  next();
});

// Test client: all bot messages of a chat, read or not, in order (with edits applied).
outer.post('/history', (req, res) => {
  const { token, chatId } = req.body;
  ok(res, server.storage.botMessages
    .filter((u) => u.botToken === token && String(u.message.chat_id) === String(chatId))
    .map((u) => ({ message_id: u.messageId, ...u.message })));
});

// Webhooks: answer setWebhook with true, and deliver updates with the secret-token header that
// Telegram sends (the emulator posts without it, and python-telegram-bot rightly answers 403).
const axios = require('axios');
outer.all('/bot:token/setWebhook', (req, res) => {
  const hook = decode(req.body && req.body.url ? req.body : req.query);
  if (!hook.url) return res.json({ ok: false, error_code: 400, description: 'Bad Request: url is empty' });
  server.setWebhook(hook, req.params.token);
  return ok(res, true);
});
outer.all('/bot:token/deleteWebhook', (req, res) => { server.deleteWebhook(req.params.token); ok(res, true); });
const addUserUpdate = server.addUserUpdate.bind(server);
server.addUserUpdate = async (update) => {
  const hook = server.webhooks[update.botToken];
  if (!hook) return addUserUpdate(update);
  const headers = hook.secret_token ? { 'X-Telegram-Bot-Api-Secret-Token': hook.secret_token } : {};
  let formatted = TelegramServer.formatUpdate(update);
  if (formatted.callback_query) {
    formatted = { ...formatted, callback_query: { chat_instance: '1', ...formatted.callback_query } };
  }
  await axios({ url: hook.url, method: 'POST', data: formatted, headers, validateStatus: () => true });
  server.updateId++;
  return undefined;
};
// Test client: a resident edits an earlier message (the emulator has no such endpoint).
const formatUpdate = TelegramServer.formatUpdate;
TelegramServer.formatUpdate = (u) => {
  if (u.edited) {
    return { update_id: u.updateId, edited_message: { ...u.message, edit_date: Math.floor(Date.now() / 1000) } };
  }
  const formatted = formatUpdate(u);
  if (formatted.message && u.message && u.message.message_id) formatted.message.message_id = u.message.message_id;
  return formatted;
};
outer.post('/editMessage', async (req, res) => {
  const { botToken, ...message } = req.body;
  await server.addUserUpdate({ ...server.getCommonFields(botToken), message, edited: true });
  ok(res, null);
});
outer.post('/webhooks', (req, res) => ok(res, Object.keys(server.webhooks)));
// Test client: post a raw update to the webhook without the secret (must be refused).
outer.post('/forgedWebhook', async (req, res) => {
  const hook = server.webhooks[req.body.token];
  const resp = await axios({ url: hook.url, method: 'POST', data: req.body.update, validateStatus: () => true });
  ok(res, resp.status);
});

// Callback queries lack chat_instance, which the Bot API always sends.
const getUpdates = server.getUpdates.bind(server);
server.getUpdates = (token) => getUpdates(token).map((u) => (u.callback_query
  ? { ...u, callback_query: { chat_instance: String(u.callback_query.message.chat.id), ...u.callback_query } }
  : u));

outer.use(inner);
server.webServer = outer;
server.start().then(() => { process.stdout.write('ready\n'); });
process.on('SIGTERM', () => server.stop().then(() => process.exit(0)));
