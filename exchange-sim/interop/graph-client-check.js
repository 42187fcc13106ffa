// Checks the simulator's Microsoft Graph side with @microsoft/microsoft-graph-client, Microsoft's
// JavaScript Graph client, which nobody here wrote. Not part of the Maven build.
// Usage: node graph-client-check.js http://127.0.0.1:<port>
'use strict';
const {
  Client, BatchRequestContent, BatchResponseContent, HTTPMessageHandler, RetryHandler, RetryHandlerOptions,
} = require('@microsoft/microsoft-graph-client');

const base = (process.argv[2] || 'http://127.0.0.1:8025').replace(/\/$/, '');
const ANNA = 'anna.schmidt@contoso.test';
const LUKAS = 'lukas.weber@contoso.test';
const DAVID = 'david.braun@contoso.test';
const PROP = 'String {66f5a359-4659-4830-9070-00047ec6ac6e} Name BookingId';
let failures = 0;

async function check(name, fn) {
  try {
    await fn();
    console.log('PASS ' + name);
  } catch (e) {
    failures++;
    console.log('FAIL ' + name + ': ' + (e && (e.code || '') + ' ' + (e.message || e)));
  }
}

function assert(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

async function token() {
  const r = await fetch(base + '/contoso-test/oauth2/v2.0/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials&client_id=corpconnect-demo-app&client_secret=Demo-App-Secret-1%21'
      + '&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default',
  });
  return (await r.json()).access_token;
}

// The client treats only https URLs as absolute; an http @odata.nextLink / deltaLink is given to it as a path.
function link(url) {
  return url.startsWith(base + '/v1.0') ? url.substring((base + '/v1.0').length) : url;
}

// The client leaves { and } raw in a query; the JDK HTTP server under the simulator refuses them (400, see the
// README), so the extended property's id is given already encoded here. The simulator decodes it as Graph does.
function encodeBraces(s) {
  return s.replace(/{/g, '%7B').replace(/}/g, '%7D');
}

function slot(days, hour) {
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() + days);
  d.setUTCHours(hour);
  return d.toISOString().replace('Z', '');
}

function event(subject, day, hour) {
  return { subject, start: { dateTime: slot(day, hour), timeZone: 'UTC' }, end: { dateTime: slot(day, hour + 1), timeZone: 'UTC' } };
}

(async () => {
  const accessToken = await token();
  // The client's AuthenticationHandler sends a token to HTTPS hosts only (and strips it otherwise); until the
  // simulator serves HTTPS a small middleware of ours adds it, ahead of the client's own retry and HTTP handlers.
  const bearer = {
    execute: async (context) => {
      context.options = context.options || {};
      context.options.headers = Object.assign({}, context.options.headers, { Authorization: 'Bearer ' + accessToken });
      return bearer.next.execute(context);
    },
    setNext: (next) => { bearer.next = next; },
  };
  const retry = new RetryHandler(new RetryHandlerOptions());
  bearer.setNext(retry);
  retry.setNext(new HTTPMessageHandler());
  const graph = Client.initWithMiddleware({ middleware: bearer, baseUrl: base + '/', defaultVersion: 'v1.0' });

  await check('getSchedule: busy view for Anna, an error for David (outside the app scope)', async () => {
    const r = await graph.api(`/users/${ANNA}/calendar/getSchedule`).post({
      schedules: [ANNA, DAVID], startTime: { dateTime: slot(0, 0), timeZone: 'UTC' },
      endTime: { dateTime: slot(7, 0), timeZone: 'UTC' }, availabilityViewInterval: 60,
    });
    assert(r.value.length === 2, 'two schedules');
    assert(r.value[0].availabilityView.length === 7 * 24, 'one digit per hour');
    assert(r.value[0].scheduleItems.length > 0, 'Anna is busy this week');
    assert(r.value[1].error && r.value[1].error.responseCode, 'David has an error');
  });

  let created;
  await check('create twice with one transactionId gives one event', async () => {
    const body = Object.assign(event('Interop booking', 60, 9), {
      transactionId: 'interop-' + Date.now(),
      singleValueExtendedProperties: [{ id: PROP, value: 'interop-1' }],
    });
    const first = await graph.api(`/users/${LUKAS}/events`).post(body);
    const second = await graph.api(`/users/${LUKAS}/events`).post(body);
    assert(first.id === second.id, 'same id on retry');
    created = first;
  });

  await check('find by extended property, with $expand', async () => {
    const r = await graph.api(`/users/${LUKAS}/events`)
      .filter(encodeBraces(`singleValueExtendedProperties/Any(ep: ep/id eq '${PROP}' and ep/value eq 'interop-1')`))
      .expand(encodeBraces(`singleValueExtendedProperties($filter=id eq '${PROP}')`)).get();
    assert(r.value.length === 1 && r.value[0].id === created.id, 'exactly the created event');
    assert(r.value[0].singleValueExtendedProperties[0].value === 'interop-1', 'the property comes back');
  });

  await check('PATCH moves it; GET in a preferred zone', async () => {
    await graph.api(`/users/${LUKAS}/events/${created.id}`).patch({
      start: { dateTime: slot(61, 14), timeZone: 'UTC' }, end: { dateTime: slot(61, 15), timeZone: 'UTC' },
    });
    const e = await graph.api(`/users/${LUKAS}/events/${created.id}`)
      .header('Prefer', 'outlook.timezone="Pacific Standard Time"').select('start,end,subject').get();
    assert(e.start.timeZone === 'Pacific Standard Time', 'zone applied: ' + JSON.stringify(e.start));
    assert(e.body === undefined, '$select leaves out the body');
  });

  await check('calendarView pages by @odata.nextLink', async () => {
    let page = await graph.api(`/users/${ANNA}/calendarView`)
      .query({ startDateTime: slot(0, 0) + 'Z', endDateTime: slot(7, 0) + 'Z' }).top(5).select('subject,start,end,showAs').get();
    let count = page.value.length;
    let pages = 1;
    while (page['@odata.nextLink']) {
      page = await graph.api(link(page['@odata.nextLink'])).get();
      count += page.value.length;
      pages++;
    }
    assert(pages > 1 && count > 5, `${count} events on ${pages} pages`);
  });

  await check('calendarView/delta: a round, then the deletion as @removed', async () => {
    let r = await graph.api(`/users/${LUKAS}/calendarView/delta`).query({ startDateTime: slot(61, 0) + 'Z', endDateTime: slot(62, 0) + 'Z' }).get();
    while (r['@odata.nextLink']) {
      r = await graph.api(link(r['@odata.nextLink'])).get();
    }
    assert(r['@odata.deltaLink'], 'a deltaLink');
    await graph.api(`/users/${LUKAS}/events/${created.id}`).delete();
    const changes = await graph.api(link(r['@odata.deltaLink'])).get();
    assert(changes.value.some(v => v.id === created.id && v['@removed']), JSON.stringify(changes.value));
  });

  await check('translateExchangeIds: restId to ewsId and back', async () => {
    const e = await graph.api(`/users/${ANNA}/events`).post(event('Id check', 63, 9));
    const toEws = await graph.api(`/users/${ANNA}/translateExchangeIds`).post({ inputIds: [e.id], sourceIdType: 'restId', targetIdType: 'ewsId' });
    const back = await graph.api(`/users/${ANNA}/translateExchangeIds`).post({ inputIds: [toEws.value[0].targetId], sourceIdType: 'ewsId', targetIdType: 'restId' });
    assert(toEws.value[0].targetId !== e.id && back.value[0].targetId === e.id, JSON.stringify([toEws, back]));
  });

  await check('cancel: 202, then the organizer\'s event is gone', async () => {
    const e = await graph.api(`/users/${ANNA}/events`).post(Object.assign(event('Interop meeting', 64, 9),
      { attendees: [{ type: 'required', emailAddress: { address: LUKAS } }] }));
    await graph.api(`/users/${ANNA}/events/${e.id}/cancel`).post({ comment: 'Cancelled by the interop check' });
    try {
      await graph.api(`/users/${ANNA}/events/${e.id}`).get();
      throw new Error('still there');
    } catch (err) {
      assert(err.statusCode === 404 && err.code === 'ErrorItemNotFound', `${err.statusCode} ${err.code}`);
    }
  });

  await check('$batch with dependsOn: a failed request fails its dependent with 424', async () => {
    // This client accepts parallel, serial or same-dependency batches only: a serial one here.
    const batch = new BatchRequestContent([
      { id: '1', request: new Request(`${base}/v1.0/users/${DAVID}/events`, { method: 'GET' }) },
      { id: '2', request: new Request(`${base}/v1.0/users/${ANNA}/events?$top=1`, { method: 'GET' }), dependsOn: ['1'] },
    ]);
    const r = new BatchResponseContent(await graph.api('/$batch').post(await batch.getContent()));
    assert(r.getResponseById('1').status === 403, 'out of scope: ' + r.getResponseById('1').status);
    assert(r.getResponseById('2').status === 424, 'failed dependency: ' + r.getResponseById('2').status);
    const parallel = new BatchRequestContent([
      { id: 'a', request: new Request(`${base}/v1.0/users/${ANNA}/events?$top=1`, { method: 'GET' }) },
      { id: 'b', request: new Request(`${base}/v1.0/users/${LUKAS}/events?$top=1`, { method: 'GET' }) },
    ]);
    const p = new BatchResponseContent(await graph.api('/$batch').post(await parallel.getContent()));
    assert(p.getResponseById('a').status === 200 && p.getResponseById('b').status === 200, 'parallel requests answered');
  });

  await check('out of scope is 403 ErrorAccessDenied with request ids', async () => {
    try {
      await graph.api(`/users/${DAVID}/events`).get();
      throw new Error('allowed');
    } catch (err) {
      assert(err.statusCode === 403 && err.code === 'ErrorAccessDenied', `${err.statusCode} ${err.code}`);
      assert(err.requestId, 'request-id in the error');
    }
  });

  console.log(failures === 0 ? 'all checks passed' : failures + ' checks FAILED');
  process.exit(failures === 0 ? 0 : 1);
})().catch((e) => {
  console.log('FAIL ' + e);
  process.exit(1);
});
