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

// tabs
document.querySelectorAll('nav button').forEach((button) => button.addEventListener('click', () => {
  document.querySelectorAll('nav button, .tab').forEach((el) => el.classList.remove('active'));
  button.classList.add('active');
  $(button.dataset.tab).classList.add('active');
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
  $('inspector-facts').innerHTML = Object.entries(facts).map(([k, v]) => `<dt>${k}</dt><dd>${esc(v)}</dd>`).join('');
  $('inspector-data').textContent = JSON.stringify(e.data, null, 2);
  $('inspector-metadata').textContent = JSON.stringify(e.metadata, null, 2);
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

// projections with a lag sparkline, refreshed every 2 s
const lagHistory = {};
function sparkline(values) {
  const max = Math.max(1, ...values);
  const points = values.map((v, i) => `${(i / Math.max(1, values.length - 1)) * 160},${28 - (v / max) * 26}`).join(' ');
  return `<svg class="spark" viewBox="0 0 160 28"><polyline points="${points}"/></svg>`;
}
async function loadProjections() {
  const page = await api('/projections');
  const body = $('projection-list').tBodies[0];
  body.innerHTML = '';
  for (const p of page.projections) {
    const history = (lagHistory[p.projection] = (lagHistory[p.projection] || []).concat(p.eventsBehind).slice(-60));
    const row = body.insertRow();
    row.innerHTML = `<td>${esc(p.projection)}</td><td class="state-${p.state}">${p.state}</td><td>${p.checkpoint}</td>`
      + `<td>${p.eventsBehind}</td><td>${p.secondsBehind}</td><td>${sparkline(history)}</td><td>${p.deadLetters}</td>`
      + `<td><button data-do="pause">Pause</button> <button data-do="resume">Resume</button> <button data-do="rebuild">Rebuild</button></td>`;
    row.querySelectorAll('button').forEach((b) => b.addEventListener('click', () =>
      api(`/projections/${encodeURIComponent(p.projection)}/${b.dataset.do}`, { method: 'POST' }).catch(fail)));
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

// an entity's state with a slider over its versions
async function loadState(version) {
  const stream = $('entity').value.trim();
  const suffix = version === undefined ? '' : '?version=' + version;
  const folded = await api('/state/' + encodeURIComponent(stream) + suffix);
  if (version === undefined) {
    $('version').max = Math.max(0, folded.version);
    $('version').value = folded.version;
    $('version').disabled = folded.version < 0;
  }
  $('version-label').textContent = `version ${folded.version}, position ${folded.position}`;
  $('state-json').textContent = JSON.stringify(folded.state, null, 2);
}
$('load-state').addEventListener('click', () => loadState().catch(fail));
$('version').addEventListener('input', () => loadState(Number($('version').value)).catch(fail));

const refresh = () => {
  if ($('projections').classList.contains('active')) { loadProjections().catch(fail); }
  if ($('dead-letters').classList.contains('active')) { loadDeadLetters().catch(fail); }
};
setInterval(refresh, 2000);
document.querySelectorAll('nav button').forEach((b) => b.addEventListener('click', refresh));
loadStreams(true).catch(fail);
restartTail();
