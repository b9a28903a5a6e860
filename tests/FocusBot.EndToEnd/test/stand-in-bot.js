// A tiny stand-in for FocusBot, for testing the harness without the .NET host: it answers every message with a
// text reply and a card, the way a Bot Framework bot does (POST to the connector at the activity's serviceUrl), and
// answers a card's Action.Execute with a message invoke response.
'use strict';
const http = require('http');

async function startStandInBot() {
  const received = [];
  let stopped = false;
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      if (req.method !== 'POST' || !chunks.length) { res.end(); return; } // the playground probes with HEAD
      const activity = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      received.push(activity);
      if (activity.type === 'invoke' && activity.name === 'adaptiveCard/action') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ statusCode: 200, type: 'application/vnd.microsoft.activity.message',
          value: `${activity.from.name} chose ${activity.value.action.verb}` }));
        return;
      }
      res.writeHead(200);
      res.end();
      if (activity.type !== 'message') return;
      const said = (activity.text || '').replace(/<at>[^<]*<\/at>/g, '').trim() || JSON.stringify(activity.value);
      const url = `${activity.serviceUrl.replace(/\/$/, '')}/v3/conversations/${encodeURIComponent(activity.conversation.id)}` +
        `/activities/${encodeURIComponent(activity.id)}`;
      const sent = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message', from: activity.recipient, recipient: activity.from, conversation: activity.conversation,
          replyToId: activity.id, text: `${activity.from.name} said: ${said}`,
          attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: {
            type: 'AdaptiveCard', version: '1.5',
            body: [{ type: 'TextBlock', text: 'DM-2026-0001 · Demo Table', wrap: true }],
            actions: [
              { type: 'Action.Execute', title: 'Accept as lead', verb: 'acceptLead', data: { situation: 'DM-2026-0001' } },
              { type: 'Action.Submit', title: 'Decline', data: { verb: 'decline', situation: 'DM-2026-0001' } },
            ],
          } }],
        }),
      }).catch((e) => ({ ok: false, status: 0, text: async () => e.message }));
      if (!sent.ok && !stopped) console.error(`stand-in bot: the connector answered ${sent.status} ${await sent.text()}`);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/api/messages`,
    received,
    stop: () => new Promise((resolve) => { stopped = true; resolve(); }).then(() => new Promise((resolve) => { server.close(resolve); server.closeAllConnections(); })),
  };
}

module.exports = { startStandInBot };
