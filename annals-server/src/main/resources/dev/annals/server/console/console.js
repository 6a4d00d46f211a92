// The Annals console: plain JavaScript over the HTTP API, no build step.
const $ = (id) => document.getElementById(id);
const tokenInput = $('token');
tokenInput.value = localStorage.getItem('annals.token') || '';
tokenInput.addEventListener('change', () => { localStorage.setItem('annals.token', tokenInput.value); restartTail(); });

async function api(path, options = {}) {
  const headers = tokenInput.value ? { Authorization: 'Bearer ' + tokenInput.value } : {};
  const response = await fetch(path, { ...options, headers });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) { throw new Error(body.message || response.status); }
  return body;
}
const esc = (text) => String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
const fail = (error) => { $('head').textContent = 'error: ' + error.message; };

// tabs; the address's #fragment names one, so that a tab (or an entity, or an event) can be linked to
function showTab(name) {
  const button = document.querySelector(`nav button[data-tab="${name}"]`);
  if (!button) { return; }
  document.querySelectorAll('nav button, .tab').forEach((el) => el.classList.remove('active'));
  button.classList.add('active');
  $(name).classList.add('active');
}
document.querySelectorAll('nav button').forEach((button) => button.addEventListener('click', () => {
  showTab(button.dataset.tab);
  history.replaceState(null, '', '#' + button.dataset.tab);
}));

// streams and events
let streamOffset = 0, currentStream = null, nextFrom = null;
async function loadStreams(reset) {
  if (reset) { streamOffset = 0; $('stream-list').tBodies[0].innerHTML = ''; }
  const page = await api('/streams?limit=50&offset=' + streamOffset + '&prefix=' + encodeURIComponent($('prefix').value));
  for (const s of page.streams) {
    const row = $('stream-list').tBodies[0].insertRow();
    row.className = 'clickable';
    row.innerHTML = `<td>${esc(s.stream)}</td><td>${s.version}</td><td>${s.lastPosition}</td>`;
    row.addEventListener('click', () => openStream(s.stream));
  }
  streamOffset = page.nextOffset ?? streamOffset;
  $('more-streams').disabled = page.nextOffset === null;
}
async function openStream(stream, more) {
  if (!more) { currentStream = stream; nextFrom = null; $('events').tBodies[0].innerHTML = ''; }
  $('stream-title').textContent = stream;
  const from = nextFrom === null ? '' : '&from=' + nextFrom;
  const page = await api('/streams/' + encodeURIComponent(stream) + '?limit=50' + from);
  for (const e of page.events) { eventRow($('events'), e, [e.position, e.version, esc(e.type), e.recordedAt]); }
  nextFrom = page.next;
  $('more-events').disabled = page.next === null;
}
function eventRow(table, event, cells, first) {
  const row = first ? table.tBodies[0].insertRow(0) : table.tBodies[0].insertRow();
  row.className = 'clickable';
  row.innerHTML = cells.map((c) => `<td>${c}</td>`).join('');
  row.addEventListener('click', () => inspect(event));
  return row;
}
function inspect(e) {
  $('inspector').hidden = false;
  $('inspector-title').textContent = `${e.type} — ${e.stream}@${e.version}`;
  const facts = { position: e.position, eventId: e.eventId, schemaVersion: e.schemaVersion, recordedAt: e.recordedAt,
    correlation: e.metadata.correlationId || '—', causation: e.metadata.causationId || '—', user: e.metadata.user || '—' };
  $('inspector-facts').innerHTML = Object.entries(facts).map(([k, v]) => `<dt>${k}</dt><dd id="fact-${k}">${esc(v)}</dd>`).join('');
  $('inspector-data').textContent = JSON.stringify(e.data, null, 2);
  $('inspector-metadata').textContent = JSON.stringify(e.metadata, null, 2);
  showChain(e).catch((error) => { $('chain').innerHTML = `<li class="hint">${esc(error.message)}</li>`; });
}

// the correlation chain: every event sharing the correlation id, indented under the event that caused it
async function showChain(e) {
  const chain = $('chain');
  const id = e.metadata.correlationId;
  if (!id) { chain.innerHTML = '<li class="hint">this event has no correlation id</li>'; return; }
  chain.innerHTML = '<li class="hint">loading…</li>';
  const answer = await api('/correlations/' + encodeURIComponent(id));
  const byId = new Map(answer.events.map((x) => [x.eventId, x]));
  const depth = (x) => { let d = 0; for (let c = byId.get(x.metadata.causationId); c && d < 12; c = byId.get(c.metadata.causationId)) { d++; } return d; };
  chain.innerHTML = '';
  for (const x of answer.events) {
    const cause = byId.get(x.metadata.causationId);
    const item = document.createElement('li');
    item.className = x.eventId === e.eventId ? 'current' : '';
    item.style.paddingLeft = (10 + depth(x) * 18) + 'px';
    item.innerHTML = `${depth(x) ? '<span class="arrow">↳</span>' : ''}<a class="chain-event">#${x.position} ${esc(x.type)}</a>`
      + `<span class="meta">${esc(x.stream)}@${x.version} · ${cause ? 'caused by #' + cause.position
        : 'from command ' + esc((x.metadata.causationId || '?').slice(0, 8)) + '…'}</span>`;
    item.querySelector('a').addEventListener('click', () => inspect(x));
    chain.appendChild(item);
  }
  if (!answer.complete) { chain.insertAdjacentHTML('beforeend', `<li class="hint">only the newest ${answer.scanned} events were searched</li>`); }
  const cause = byId.get(e.metadata.causationId);
  if (cause) {
    $('fact-causation').innerHTML = `<a id="causing-event">#${cause.position} ${esc(cause.type)} on ${esc(cause.stream)}</a>`;
    $('causing-event').addEventListener('click', () => inspect(cause));
  }
}
$('close-inspector').addEventListener('click', () => { $('inspector').hidden = true; });
$('search').addEventListener('click', () => loadStreams(true).catch(fail));
$('prefix').addEventListener('keydown', (k) => { if (k.key === 'Enter') { loadStreams(true).catch(fail); } });
$('more-streams').addEventListener('click', () => loadStreams(false).catch(fail));
$('more-events').addEventListener('click', () => openStream(currentStream, true).catch(fail));

// live tail of $all: the newest 200 events, newest first
let tail = null;
function restartTail() {
  if (tail) { tail.close(); }
  const token = tokenInput.value ? '&access_token=' + encodeURIComponent(tokenInput.value) : '';
  api('/streams/$all?direction=backward&limit=1').then((page) => {
    const from = page.headPosition > 20 ? page.headPosition - 19 : 1;
    tail = new EventSource('/subscriptions/$all?from=' + from + token);
    tail.onopen = () => { $('tail-status').textContent = 'live'; };
    tail.onerror = () => { $('tail-status').textContent = 'reconnecting…'; };
    tail.addEventListener('event', (message) => {
      const e = JSON.parse(message.data);
      eventRow($('tail-events'), e, [e.position, esc(e.stream), esc(e.type), e.recordedAt], true);
      const rows = $('tail-events').tBodies[0].rows;
      if (rows.length > 200) { rows[rows.length - 1].remove(); }
      $('head').textContent = 'head #' + e.position;
    });
  }).catch(fail);
}

// projections: lag charts (uPlot) over the last four minutes, refreshed every 2 s
const lag = { times: [], events: {}, seconds: {} };
const charts = {};
const palette = ['#2f6fde', '#1f8a4c', '#d9822b', '#8e44ad', '#c53b3b', '#16a2b8'];
function record(projections) {
  lag.times.push(Date.now() / 1000);
  for (const p of projections) {
    for (const key of ['events', 'seconds']) {
      if (!lag[key][p.projection]) { lag[key][p.projection] = new Array(lag.times.length - 1).fill(null); }
    }
  }
  for (const key of ['events', 'seconds']) {
    for (const name of Object.keys(lag[key])) {
      const p = projections.find((x) => x.projection === name);
      lag[key][name].push(p ? (key === 'events' ? p.eventsBehind : p.secondsBehind) : null);
    }
  }
  if (lag.times.length > 120) { lag.times.shift(); for (const key of ['events', 'seconds']) { Object.values(lag[key]).forEach((v) => v.shift()); } }
}
// The time axis spans the samples (at least 30 s, at most 4 min), in seconds as uPlot expects. It is taken
// from the data, not from uPlot's min and max: with a single sample uPlot widens those by 5 % of the value
// itself, which put the axis in 2029.
function timeRange(u) {
  const times = u.data[0];
  const max = times.length ? times[times.length - 1] : Date.now() / 1000;
  const min = times.length ? times[0] : max;
  return [Math.max(max - 240, Math.min(min, max - 30)), max];
}
function drawChart(key) {
  const element = $('lag-' + key);
  const names = Object.keys(lag[key]).sort();
  const data = [lag.times, ...names.map((n) => lag[key][n])];
  const width = element.clientWidth;
  if (!width || typeof uPlot === 'undefined') { return; }
  const chart = charts[key];
  if (chart && chart.names === names.join() && chart.width === width) { chart.plot.setData(data); return; }
  if (chart) { chart.plot.destroy(); }
  const options = { width, height: 200, legend: { live: false },
    scales: { x: { time: true, range: timeRange },
      y: { range: (u, min, max) => [0, Math.max(key === 'events' ? 10 : 1, max)] } },
    axes: [{}, { size: 50 }],
    series: [{}, ...names.map((n, i) => ({ label: n, stroke: palette[i % palette.length], width: 2, spanGaps: true }))] };
  charts[key] = { names: names.join(), width, plot: new uPlot(options, data, element) };
}
async function loadProjections() {
  const page = await api('/projections');
  record(page.projections);
  if (!$('projections').classList.contains('active')) { return; }
  drawChart('events');
  drawChart('seconds');
  const body = $('projection-list').tBodies[0];
  body.innerHTML = '';
  for (const p of page.projections) {
    const row = body.insertRow();
    row.innerHTML = `<td>${esc(p.projection)}</td><td class="state-${p.state}">${p.state}</td><td>${p.checkpoint}</td>`
      + `<td>${p.eventsBehind}</td><td>${p.secondsBehind}</td><td>${p.deadLetters}</td>`
      + `<td><button data-do="pause">Pause</button> <button data-do="resume">Resume</button> <button data-do="rebuild">Rebuild</button></td>`;
    row.querySelectorAll('button').forEach((b) => b.addEventListener('click', () =>
      api(`/projections/${encodeURIComponent(p.projection)}/${b.dataset.do}`, { method: 'POST' }).catch(fail)));
  }
}
// relays run beside the server (annals serve --relay): hidden while there is none
async function loadRelays() {
  const page = await api('/relays');
  const table = $('relay-list');
  table.hidden = page.relays.length === 0;
  const body = table.tBodies[0];
  body.innerHTML = '';
  for (const r of page.relays) {
    const row = body.insertRow();
    row.innerHTML = `<td>${esc(r.name)}</td><td class="state-${esc(r.role)}">${esc(r.role)}</td><td>${r.checkpoint}</td>`
      + `<td>${r.eventsBehind}</td><td>${r.secondsBehind}</td><td>${r.publishedPerSecond.toFixed(1)}</td>`
      + `<td class="error">${esc(r.error)}</td>`;
  }
}
async function loadDeadLetters() {
  const page = await api('/dead-letters');
  const body = $('letter-list').tBodies[0];
  body.innerHTML = '';
  for (const l of page.deadLetters) {
    const row = body.insertRow();
    row.innerHTML = `<td>${l.id}</td><td>${esc(l.projection)}</td><td>${l.position}</td><td>${esc(l.eventType)}</td>`
      + `<td>${l.attempts}</td><td>${l.status}</td><td class="error">${esc(l.error)}</td>`
      + `<td><button data-do="retry">Retry</button> <button data-do="skip">Skip</button></td>`;
    row.querySelectorAll('button').forEach((b) => b.addEventListener('click', () =>
      api(`/dead-letters/${l.id}/${b.dataset.do}`, { method: 'POST' }).then(loadDeadLetters).catch(fail)));
  }
}

// integrity: the audit trail's hash chain (docs/audit-trail.md)
async function verifyChain() {
  $('audit-report').textContent = 'verifying…';
  const r = await api('/audit/verify', { method: 'POST' });
  $('audit-report').innerHTML = r.intact
    ? `<strong>intact</strong>: ${r.verified} event(s) verified, ${r.sealed} newly sealed; head position`
      + ` ${r.headPosition}, head hash <code>${esc(r.headHash)}</code>`
    : `<strong class="error">broken at position ${r.firstBroken}</strong>: ${esc(r.problem)}`
      + ` (${r.verified} event(s) intact before it)`;
}
$('verify').addEventListener('click', () =>
  verifyChain().catch((error) => { $('audit-report').textContent = 'error: ' + error.message; }));

// drills: the report annals drill last left in the data directory (docs/reliability.md)
async function loadDrill() {
  let report;
  try {
    report = await api('/drills/last');
  } catch (error) {
    $('drill-summary').textContent = error.message;
    $('drill-list').tBodies[0].innerHTML = '';
    return;
  }
  $('drill-summary').innerHTML = `<strong class="${report.passed ? 'state-running' : 'error'}">`
    + `${report.passed ? 'passed' : 'failed'}</strong>: finished ${esc(localTime(report.finishedAt))} on ${esc(report.machine)}`;
  const body = $('drill-list').tBodies[0];
  body.innerHTML = '';
  $('drill-violations').innerHTML = '';
  for (const d of report.drills) {
    const r = d.recovery || {};
    body.insertRow().innerHTML = `<td>${esc(d.drill)}</td><td class="drill-${esc(d.outcome)}">${esc(d.outcome)}`
      + `${d.reason ? ': ' + esc(d.reason) : ''}</td><td>${d.faults}</td><td>${d.acknowledged}</td><td>${d.lost}</td>`
      + `<td>${d.duplicated}</td><td>${r.p50Millis} / ${r.p99Millis} / ${r.maxMillis}</td><td>${d.violationCount}</td>`;
    for (const v of d.violations || []) {
      const item = document.createElement('li');
      item.className = 'error';
      item.textContent = `${d.drill}: ${v}`;
      $('drill-violations').appendChild(item);
    }
  }
}

// an entity's state at a chosen time: a slider over its events, or an instant
let history = [];
const localTime = (iso) => new Date(iso).toLocaleString();
async function loadEntity() {
  const stream = $('entity').value.trim();
  const page = await api('/streams/' + encodeURIComponent(stream) + '?limit=1000');
  history = page.events;
  $('history').innerHTML = '';
  history.forEach((e, i) => {
    const item = document.createElement('li');
    item.innerHTML = `${esc(e.type)}<span class="when">${localTime(e.recordedAt)}</span>`;
    item.addEventListener('click', () => { $('version').value = i; showVersion(i).catch(fail); });
    $('history').appendChild(item);
  });
  $('version').max = Math.max(0, history.length - 1);
  $('version').value = Math.max(0, history.length - 1);
  $('version').disabled = history.length === 0;
  $('state-at').disabled = history.length === 0;
  if (history.length === 0) { $('version-label').textContent = stream + ' has no events'; $('state-json').textContent = ''; return; }
  await showVersion(history.length - 1);
}
function mark(version) {
  [...$('history').children].forEach((li, i) => { li.className = i === version ? 'selected' : i > version ? 'future' : ''; });
  $('history').children[version]?.scrollIntoView({ block: 'nearest' });
}
async function showVersion(version) {
  const e = history[version];
  const folded = await api('/state/' + encodeURIComponent(e.stream) + '?version=' + version);
  $('version-label').textContent = `as of ${localTime(e.recordedAt)}: after ${e.type} (version ${folded.version} of ${history.length - 1}, position #${folded.position})`;
  $('state-json').textContent = JSON.stringify(folded.state, null, 2);
  const at = new Date(e.recordedAt);
  $('state-at').value = new Date(at.getTime() - at.getTimezoneOffset() * 60000).toISOString().slice(0, 19);
  mark(version);
}
async function showInstant() {
  const stream = $('entity').value.trim();
  const instant = new Date($('state-at').value).toISOString();
  const folded = await api('/state/' + encodeURIComponent(stream) + '?at=' + encodeURIComponent(instant));
  $('version').value = Math.max(0, folded.version);
  $('version-label').textContent = `as of ${localTime(instant)}: version ${folded.version} of ${history.length - 1}`;
  $('state-json').textContent = JSON.stringify(folded.state, null, 2);
  mark(folded.version);
}
$('load-state').addEventListener('click', () => loadEntity().catch(fail));
$('entity').addEventListener('keydown', (k) => { if (k.key === 'Enter') { loadEntity().catch(fail); } });
$('version').addEventListener('input', () => showVersion(Number($('version').value)).catch(fail));
$('state-at').addEventListener('change', () => showInstant().catch(fail));

// the commands the server takes (annals serve --demo registers the bank's)
let commands = [];
async function loadCommands() {
  commands = (await api('/commands')).commands;
  $('commands-tab').hidden = commands.length === 0;
  $('command-name').innerHTML = commands.map((c) => `<option>${esc(c.name)}</option>`).join('');
  showFields();
}
function showFields() {
  const command = commands.find((c) => c.name === $('command-name').value);
  if (!command) { return; }
  $('command-stream').placeholder = `stream, e.g. ${command.category}-1`;
  $('command-fields').innerHTML = (command.fields || []).map((f) => `<input data-field="${esc(f)}" placeholder="${esc(f)}">`).join(' ');
}
// The server takes each field as its own JSON type and coerces nothing: "5" is not a number, 5 not a string.
function typed(text, type) {
  if ((type === 'integer' || type === 'number') && text !== '' && !isNaN(Number(text))) { return Number(text); }
  if (type === 'boolean' && (text === 'true' || text === 'false')) { return text === 'true'; }
  if (type === 'array' || type === 'object') { try { return JSON.parse(text); } catch (e) { return text; } }
  return text;
}
async function sendCommand() {
  const command = commands.find((c) => c.name === $('command-name').value) || {};
  const body = {};
  document.querySelectorAll('#command-fields input').forEach((input) => {
    const text = input.value.trim();
    body[input.dataset.field] = typed(text, (command.fieldTypes || {})[input.dataset.field]);
  });
  const path = `/commands/${encodeURIComponent($('command-name').value)}/${encodeURIComponent($('command-stream').value.trim())}`;
  try {
    const answer = await api(path, { method: 'POST', body: JSON.stringify(body) });
    $('command-result').className = 'accepted';
    $('command-result').textContent = JSON.stringify(answer, null, 2);
  } catch (error) {
    $('command-result').className = 'rejected';
    $('command-result').textContent = error.message;
  }
}
$('command-name').addEventListener('change', showFields);
$('send-command').addEventListener('click', () => sendCommand());

const refresh = () => {
  loadProjections().catch(() => {});
  if ($('projections').classList.contains('active')) { loadRelays().catch(() => {}); }
  if ($('dead-letters').classList.contains('active')) { loadDeadLetters().catch(fail); }
  if ($('drills').classList.contains('active')) { loadDrill().catch(fail); }
};
setInterval(refresh, 2000);
document.querySelectorAll('nav button').forEach((b) => b.addEventListener('click', refresh));
// #state/STREAM opens an entity's history; #event/POSITION inspects an event of $all
async function followLink() {
  const [tab, argument] = decodeURIComponent(location.hash.slice(1)).split(/\/(.*)/s);
  showTab(tab === 'event' ? 'streams' : tab);
  if (tab === 'state' && argument) { $('entity').value = argument; await loadEntity(); }
  if (tab === 'event' && argument) {
    const page = await api('/streams/$all?limit=1&from=' + encodeURIComponent(argument));
    if (page.events.length) { inspect(page.events[0]); }
  }
}
loadStreams(true).catch(fail);
loadCommands().catch(() => {});
if (location.hash.length > 1) { followLink().then(refresh).catch(fail); }
window.addEventListener('hashchange', () => followLink().then(refresh).catch(fail));
restartTail();
