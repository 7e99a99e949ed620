// Bot API emulator for the end-to-end tests: telegram-test-api 4.2.1 behind a thin bridge that
// answers what python-telegram-bot 22 needs and the emulator lacks (docs/telegram.md of shared/):
//   getMe without is_bot; message dates in milliseconds; setMyCommands, sendChatAction … missing;
//   getUpdates ignoring `offset` and `timeout`; callback queries without chat_instance; webhook
//   updates without the secret-token header and without retries; JSON-string fields echoed back;
//   and, for tests, a method that fails for a while (POST /fault).
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

// Test client: make Telegram fail a method for a while, as it sometimes does:
//   POST /fault {method: "sendMessage", status: 500, seconds: 10}
const faults = {};
outer.post('/fault', (req, res) => {
  const { method, status, seconds } = req.body;
  faults[method] = { status: Number(status || 500), until: Date.now() + Number(seconds || 10) * 1000 };
  ok(res, true);
});
outer.use('/bot:token/:method', (req, res, next) => {
  const fault = faults[req.params.method];
  if (fault && Date.now() < fault.until) {
    return res.status(fault.status).json({ ok: false, error_code: fault.status, description: 'Internal Server Error' });
  }
  return next();
});
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

// Command menus and descriptions are recorded (per language_code) for the tests to read.
const menus = [];
for (const method of ['setMyCommands', 'setMyDescription', 'setMyShortDescription']) {
  outer.all(`/bot:token/${method}`, (req, res) => {
    menus.push({ method, ...decode({ ...req.query, ...req.body }) });
    ok(res, true);
  });
}
for (const method of ['deleteMyCommands', 'sendChatAction', 'setChatMenuButton', 'close', 'logOut']) {
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

// getUpdates with Telegram's semantics: an update is forgotten only once a later call confirms it
// with `offset`; until then every call returns it (a bot that stops mid-poll loses nothing). With
// `timeout`, wait for an update (long polling) so the bot does not spin; give up if the caller left.
const withChatInstance = (u) => (u.callback_query
  ? { ...u, callback_query: { chat_instance: String(u.callback_query.message.chat.id), ...u.callback_query } }
  : u);
outer.all('/bot:token/getUpdates', async (req, res) => {
  const token = req.params.token;
  const params = { ...req.query, ...decode(req.body) };
  const offset = Number(params.offset || 0);
  const timeout = Math.min(Number(params.timeout || 0), 10);
  for (const u of server.storage.userMessages) {
    if (u.botToken === token && offset && u.updateId < offset) u.isRead = true;
  }
  server.storage.userMessages = server.storage.userMessages.filter((u) => !(u.botToken === token && u.isRead));
  const pending = () => server.storage.userMessages.filter((u) => u.botToken === token && u.updateId >= offset);
  let gone = false;
  res.on('close', () => { if (!res.writableFinished) gone = true; });
  const deadline = Date.now() + timeout * 1000;
  while (!pending().length && Date.now() < deadline && !gone) {
    await new Promise((r) => setTimeout(r, 20));
  }
  if (gone) return undefined;
  return ok(res, pending().slice(0, Number(params.limit || 100)).map((u) => withChatInstance(TelegramServer.formatUpdate(u))));
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
// Like Telegram, keep an update until the webhook accepts it, retrying in order (a bot that is
// restarting or briefly down loses nothing).
const addUserUpdate = server.addUserUpdate.bind(server);
const outbox = [];
let delivering = false;
async function deliver() {
  if (delivering) return;
  delivering = true;
  while (outbox.length) {
    const { token, data } = outbox[0];
    const hook = server.webhooks[token];
    if (!hook) { outbox.shift(); continue; }
    const headers = hook.secret_token ? { 'X-Telegram-Bot-Api-Secret-Token': hook.secret_token } : {};
    let status = 0;
    try {
      status = (await axios({ url: hook.url, method: 'POST', data, headers, validateStatus: () => true, timeout: 10000 })).status;
    } catch (e) { status = 0; }
    if (status >= 200 && status < 300) outbox.shift();
    else await new Promise((r) => setTimeout(r, 300));
  }
  delivering = false;
}
server.addUserUpdate = async (update) => {
  const hook = server.webhooks[update.botToken];
  if (!hook) return addUserUpdate(update);
  let formatted = TelegramServer.formatUpdate(update);
  if (formatted.callback_query) {
    formatted = { ...formatted, callback_query: { chat_instance: '1', ...formatted.callback_query } };
  }
  outbox.push({ token: update.botToken, data: formatted });
  server.updateId++;
  deliver();
  return undefined;
};
// Test client: a resident edits an earlier message (the emulator has no such endpoint).
const formatUpdate = TelegramServer.formatUpdate;
TelegramServer.formatUpdate = (u) => {
  if (u.raw) return { update_id: u.updateId, ...u.raw };
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
// Test client: any update as Telegram would send it (channel posts, my_chat_member …).
outer.post('/rawUpdate', async (req, res) => {
  const { botToken, update } = req.body;
  await server.addUserUpdate({ ...server.getCommonFields(botToken), raw: update, message: { chat_id: 0 } });
  ok(res, null);
});
outer.post('/webhooks', (req, res) => ok(res, Object.keys(server.webhooks)));
// Test client: what the bot set as its command menus and descriptions.
outer.post('/menus', (req, res) => ok(res, menus));
// Test client: post a raw update to the webhook without the secret (must be refused).
outer.post('/forgedWebhook', async (req, res) => {
  const hook = server.webhooks[req.body.token];
  const resp = await axios({ url: hook.url, method: 'POST', data: req.body.update, validateStatus: () => true });
  ok(res, resp.status);
});

outer.use(inner);
server.webServer = outer;
server.start().then(() => { process.stdout.write('ready\n'); });
process.on('SIGTERM', () => server.stop().then(() => process.exit(0)));
