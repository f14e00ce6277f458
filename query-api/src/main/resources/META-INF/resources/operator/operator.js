// The operator page: buildings, device health and live open alerts of the API that serves it.
// Everything shown comes from the API and is written as text (textContent, text nodes), never as
// markup: alert messages and ids are data other people influence.
import { followStream } from './sse.js';

const TOKEN_KEY = 'smartbuilding.operator.token';
const API = new URL('../api/v1/', document.baseURI);
const DEVICE_REFRESH_MS = 30000;
const KNOWN_STATUSES = ['OK', 'DEGRADED', 'FAULT', 'OFFLINE'];
const KNOWN_SEVERITIES = ['INFO', 'WARNING', 'CRITICAL'];
// The contract's identifiers (contracts Identifiers, AlertTable.alertId): ids from the API become
// URL path segments only when they match, so an id such as '..' cannot walk to another API path
// with the operator's token (encodeURIComponent leaves dots alone).
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
const ALERT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}#[A-Za-z0-9_.:*-]{1,128}#[0-9]{1,19}$/;

const $ = (id) => document.getElementById(id);

const state = {
  token: null,
  acts: false, // the token's role may act on alerts (display only; the API decides)
  buildingId: null,
  alerts: new Map(),
  stream: null, // AbortController of the open alert stream
  deviceLoad: 0, // sequence number: answers of superseded device loads are dropped
  deviceTimer: null,
  session: 0, // bumped by sign-in and sign-out: answers for an earlier token are dropped
  view: 0, // bumped whenever the shown building goes: answers for it are dropped
  alertsComplete: true, // false: the building has more open alerts than the page loaded
};
// A held alert missing from a reloaded list is taken as resolved only if held this long before
// the reload: the API caches first pages for about a second, so a list may lag the stream.
const LIST_LAG_MS = 5000;

/** A non-2xx answer of the API, with the problem's detail when it sent one. */
class ApiError extends Error {
  constructor(status, detail) {
    super(detail || `HTTP ${status}`);
    this.status = status;
    this.detail = detail;
  }
}

// ---------------------------------------------------------------------------------------------
// DOM helpers: elements from tag, properties and children; strings become text nodes.

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'dataset') {
      Object.assign(node.dataset, value);
    } else if (key === 'onclick') {
      node.addEventListener('click', value);
    } else {
      node[key] = value;
    }
  }
  for (const child of children) {
    if (child !== null && child !== undefined) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return node;
}

function known(value, allowed) {
  return allowed.includes(value) ? value.toLowerCase() : 'unknown';
}

function relativeTime(iso) {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) {
    return '—';
  }
  const seconds = Math.round((Date.now() - at) / 1000);
  if (seconds < 10) return 'just now';
  if (seconds < 90) return `${seconds} s ago`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 172800) return `${Math.round(seconds / 3600)} h ago`;
  return `${Math.round(seconds / 86400)} d ago`;
}

function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function time(iso) {
  return el('time', { dateTime: iso || '', title: iso || '' }, iso ? relativeTime(iso) : '—');
}

// ---------------------------------------------------------------------------------------------
// Token and API calls

function bearer() {
  return `Bearer ${state.token}`;
}

/** The token's claims, decoded for display only (the API verifies it); null if unreadable. */
function claimsOf(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = new TextDecoder().decode(
      Uint8Array.from(atob(payload), (c) => c.charCodeAt(0)),
    );
    return JSON.parse(json);
  } catch (e) {
    return null;
  }
}

async function api(path, { method = 'GET', headers = {}, body } = {}) {
  let response;
  try {
    response = await fetch(new URL(path, API), {
      method,
      headers: { Accept: 'application/json', Authorization: bearer(), ...headers },
      body,
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch (e) {
    throw new ApiError(0, `cannot reach the API (${e.message})`);
  }
  if (!response.ok) {
    throw new ApiError(response.status, await problemDetail(response));
  }
  return response;
}

async function problemDetail(response) {
  try {
    const problem = await response.json();
    return problem.detail || problem.title || '';
  } catch (e) {
    return '';
  }
}

/** The id as one URL path segment; throws (no request is made) if it is not a contract id. */
function segment(id, pattern = ID_PATTERN) {
  if (typeof id !== 'string' || !pattern.test(id)) {
    throw new ApiError(-1, `refused to request an invalid id '${String(id).slice(0, 80)}'`);
  }
  return encodeURIComponent(id);
}

/** All pages of a list (bounded, so a huge list cannot hang the page). */
async function listAll(path, params, maxPages = 20) {
  const items = [];
  let cursor = null;
  for (let page = 0; page < maxPages; page++) {
    const query = new URLSearchParams(params);
    if (cursor) {
      query.set('cursor', cursor);
    }
    const answer = await (await api(`${path}?${query}`)).json();
    items.push(...answer.items);
    cursor = answer.nextCursor;
    if (!cursor) {
      return { items, complete: true };
    }
  }
  return { items, complete: false };
}

// ---------------------------------------------------------------------------------------------
// Problems

function explain(error) {
  switch (error.status) {
    case 401:
      return 'Not signed in (401): the API did not accept the token. It is missing, expired, '
        + 'malformed or from another issuer; paste a fresh one.';
    case 403:
      return 'Not allowed (403): the token is valid, but its role may not do this.';
    case 404:
      return 'Not found (404): no such item among the buildings in your token.';
    case 409:
      return 'Conflict (409): someone changed the alert first; it has been reloaded.';
    case 0:
      return 'The API cannot be reached.';
    case -1:
      return 'The API sent an id this page does not request (not a valid identifier).';
    default:
      return `The API answered HTTP ${error.status}.`;
  }
}

function showProblem(error) {
  const problem = $('problem');
  problem.replaceChildren(
    el('strong', {}, explain(error)),
    error.detail ? el('span', { className: 'detail' }, ` ${error.detail}`) : null,
  );
  problem.dataset.status = String(error.status);
  problem.hidden = false;
}

function clearProblem() {
  $('problem').hidden = true;
  $('problem').replaceChildren();
  delete $('problem').dataset.status;
}

// ---------------------------------------------------------------------------------------------
// Sign in / out

async function signIn(token) {
  stopBuilding();
  clearProblem();
  const session = ++state.session;
  state.token = token;
  const claims = claimsOf(token);
  const groups = claims ? [].concat(claims['cognito:groups'] || []) : [];
  state.acts = groups.includes('technician') || groups.includes('manager');
  showIdentity(claims, groups);
  try {
    const { items, complete } = await listAll('buildings', { limit: '200' });
    if (session !== state.session) {
      return;
    }
    sessionStorage.setItem(TOKEN_KEY, token);
    showBuildings(items, complete);
  } catch (error) {
    if (session !== state.session) {
      return;
    }
    if (error.status === 401) {
      sessionStorage.removeItem(TOKEN_KEY);
    }
    $('workspace').hidden = true;
    $('signed-out').hidden = false;
    showProblem(error);
  }
}

function signOut() {
  stopBuilding();
  clearProblem();
  state.session++;
  state.token = null;
  sessionStorage.removeItem(TOKEN_KEY);
  $('token-input').value = '';
  $('identity').hidden = true;
  $('workspace').hidden = true;
  $('signed-out').hidden = false;
}

function showIdentity(claims, groups) {
  const identity = $('identity');
  if (!claims) {
    identity.hidden = true;
    return;
  }
  const buildings = [].concat(claims['custom:buildings'] || []).join(', ') || 'none';
  const expires = claims.exp ? new Date(claims.exp * 1000).toISOString() : 'never';
  identity.replaceChildren(
    el('span', {}, `${claims.sub || '?'}`),
    ' · ',
    el('span', { id: 'identity-role' }, groups.join(', ') || 'no role'),
    ' · buildings ',
    el('span', {}, buildings),
    ' · expires ',
    el('time', { dateTime: expires }, expires),
  );
  identity.hidden = false;
}

// ---------------------------------------------------------------------------------------------
// Buildings

function showBuildings(listed, complete) {
  const buildings = listed.filter((b) => b && ID_PATTERN.test(b.buildingId));
  const list = $('building-list');
  list.replaceChildren(
    ...buildings.map((b) =>
      el(
        'li',
        {},
        el(
          'button',
          {
            type: 'button',
            className: 'building',
            dataset: { buildingId: b.buildingId },
            onclick: () => selectBuilding(b.buildingId),
          },
          el('span', { className: 'building-id' }, b.buildingId),
          el(
            'span',
            { className: 'building-meta' },
            `${plural(b.deviceCount, 'device')} · ${plural(b.floors.length, 'floor')}`,
          ),
        ),
      ),
    ),
  );
  if (!complete) {
    list.append(el('li', { className: 'empty' }, 'More buildings exist than are listed.'));
  }
  if (buildings.length < listed.length) {
    const skipped = listed.length - buildings.length;
    const note = `${plural(skipped, 'building')} with an invalid id not shown.`;
    list.append(el('li', { className: 'empty' }, note));
  }
  $('signed-out').hidden = true;
  $('workspace').hidden = false;
  if (buildings.length === 0) {
    list.append(el('li', { className: 'empty' }, 'No buildings in this token.'));
    return;
  }
  selectBuilding(buildings[0].buildingId);
}

function stopBuilding() {
  if (state.stream) {
    state.stream.abort();
    state.stream = null;
  }
  showStreamState('idle');
  clearInterval(state.deviceTimer);
  state.deviceTimer = null;
  state.alerts.clear();
  state.buildingId = null;
  state.alertsComplete = true;
  state.view++;
  state.deviceLoad++; // a device list still loading must not render over what comes next
}

function selectBuilding(buildingId) {
  stopBuilding();
  clearProblem();
  state.buildingId = buildingId;
  for (const button of document.querySelectorAll('#building-list button.building')) {
    button.setAttribute('aria-current', String(button.dataset.buildingId === buildingId));
  }
  $('devices-title').textContent = `Device health · ${buildingId}`;
  $('device-rows').replaceChildren();
  renderAlerts();
  openAlertStream(buildingId);
  loadAlerts(buildingId);
  loadDevices();
  state.deviceTimer = setInterval(loadDevices, DEVICE_REFRESH_MS);
}

// ---------------------------------------------------------------------------------------------
// Device health

function wantedStatuses() {
  return [...document.querySelectorAll('#status-filter input:checked')].map((i) => i.value);
}

async function loadDevices() {
  const buildingId = state.buildingId;
  const load = ++state.deviceLoad;
  if (buildingId === null) {
    return;
  }
  const params = { limit: '200' };
  const statuses = wantedStatuses();
  if (statuses.length > 0) {
    params.status = statuses.join(',');
  }
  try {
    const { items, complete } = await listAll(`buildings/${segment(buildingId)}/devices`, params);
    if (load === state.deviceLoad) {
      renderDevices(items, complete);
    }
  } catch (error) {
    if (load === state.deviceLoad) {
      showProblem(error);
    }
  }
}

function renderDevices(devices, complete) {
  $('device-rows').replaceChildren(
    ...devices.map((d) =>
      el(
        'tr',
        { dataset: { deviceId: d.deviceId } },
        el('td', { className: 'device-id' }, d.deviceId),
        el('td', {}, (d.deviceType || '').replace(/_/g, ' ').toLowerCase()),
        el('td', {}, `${d.floor ?? '—'} / ${d.zone ?? '—'}`),
        el(
          'td',
          {},
          el(
            'span',
            { className: `badge device-status status-${known(d.status, KNOWN_STATUSES)}` },
            d.status,
          ),
        ),
        el('td', { className: 'score' }, scoreBar(d.healthScore)),
        el(
          'td',
          { className: 'reasons' },
          d.reasons && d.reasons.length > 0
            ? el('ul', {}, ...d.reasons.map((r) => el('li', {}, r)))
            : '—',
        ),
        el('td', {}, time(d.lastSeen)),
      ),
    ),
  );
  $('device-empty').hidden = devices.length > 0;
  if (!complete) {
    $('device-rows').append(
      el('tr', {}, el('td', { colSpan: 7, className: 'empty' }, 'More devices than shown.')),
    );
  }
}

function scoreBar(score) {
  if (score === null || score === undefined) {
    return '—';
  }
  const bar = el('meter', { min: 0, max: 100, low: 50, high: 85, optimum: 100, value: score });
  return el('span', { className: 'score-cell' }, bar, el('span', {}, String(score)));
}

// ---------------------------------------------------------------------------------------------
// Alerts: a first page of open/acknowledged ones, then every change from the stream

/**
 * Loads every open/acknowledged alert of the building (all pages), at first and again each time
 * the stream is (re)established: the stream replays at most 15 minutes, and changes between the
 * list and the subscription would otherwise be missed. Upserts keep whichever copy is newer.
 */
async function loadAlerts(buildingId) {
  const view = state.view;
  const before = new Map(state.alerts);
  const startedAt = Date.now();
  try {
    const { items, complete } = await listAll('alerts', {
      buildingId,
      status: 'open,acknowledged',
      limit: '100',
    });
    if (view !== state.view) {
      return;
    }
    items.forEach((a) => upsertAlert(a, false));
    if (complete) {
      // Shown before the load, unchanged since, and no longer open: resolved while we were away.
      const listed = new Set(items.map((a) => a.alertId));
      for (const [alertId, held] of before) {
        const settled = startedAt - held.at > LIST_LAG_MS;
        if (settled && !listed.has(alertId) && state.alerts.get(alertId) === held) {
          state.alerts.set(alertId, { ...held, gone: true, fresh: false });
        }
      }
    }
    state.alertsComplete = complete;
    renderAlerts();
  } catch (error) {
    if (view === state.view) {
      showProblem(error);
    }
  }
}

function openAlertStream(buildingId) {
  const controller = new AbortController();
  state.stream = controller;
  followStream(new URL(`buildings/${segment(buildingId)}/alerts/stream`, API), {
    authorization: bearer,
    signal: controller.signal,
    onState: (s, why) => {
      if (!controller.signal.aborted) {
        showStreamState(s, why);
        if (s === 'live') {
          loadAlerts(buildingId); // whatever the stream could not replay
        }
      }
    },
    onEvent: (event) => {
      if (event.type !== 'alert' || controller.signal.aborted) {
        return;
      }
      try {
        upsertAlert(JSON.parse(event.data), true);
        renderAlerts();
      } catch (e) {
        // a malformed event is skipped; the next change of the alert carries it whole
      }
    },
    onRefused: async (response) => {
      if (controller.signal.aborted) {
        return;
      }
      const detail = await problemDetail(response);
      if (!controller.signal.aborted) {
        showProblem(new ApiError(response.status, detail));
      }
    },
  });
}

const STREAM_LABELS = {
  idle: 'not connected',
  connecting: 'connecting…',
  live: 'live',
  retrying: 'reconnecting…',
  stopped: 'stopped',
};

function showStreamState(s, why) {
  const badge = $('stream-state');
  badge.dataset.state = s;
  badge.textContent = STREAM_LABELS[s] || s;
  badge.title = why || '';
}

/** Keeps the newest copy of each alert (a change can arrive twice, or before the list). */
function upsertAlert(alert, fresh) {
  if (!alert || alert.buildingId !== state.buildingId) {
    return;
  }
  const held = state.alerts.get(alert.alertId);
  if (held && !isNewer(alert, held)) {
    return;
  }
  // Resolved alerts stay held (not shown), so an older copy arriving late cannot bring one back.
  state.alerts.set(alert.alertId, { alert, fresh, gone: false, at: Date.now() });
}

function isNewer(a, b) {
  if ((a.version || 0) !== (b.alert.version || 0)) {
    return (a.version || 0) > (b.alert.version || 0);
  }
  return (Date.parse(a.updatedAt) || 0) > (Date.parse(b.alert.updatedAt) || 0);
}

function renderAlerts() {
  const held = [...state.alerts.values()].filter(
    (h) => h.alert.status !== 'resolved' && !h.gone,
  );
  held.sort(
    (x, y) => (Date.parse(y.alert.openedAt) || 0) - (Date.parse(x.alert.openedAt) || 0),
  );
  $('alert-list').replaceChildren(...held.map(({ alert, fresh }) => alertItem(alert, fresh)));
  held.forEach((h) => {
    h.fresh = false;
  });
  $('alert-empty').hidden = held.length > 0;
  $('alert-more').hidden = state.alertsComplete !== false;
}

function alertItem(alert, fresh) {
  const severity = known(alert.severity, KNOWN_SEVERITIES);
  const where = [
    alert.deviceId,
    alert.floor !== null && alert.floor !== undefined ? `floor ${alert.floor}` : null,
    alert.zone,
  ]
    .filter(Boolean)
    .join(' · ');
  const actions = el('div', { className: 'alert-actions' });
  if (state.acts && alert.status === 'open') {
    actions.append(
      el(
        'button',
        { type: 'button', className: 'acknowledge', onclick: () => acknowledge(alert) },
        'Acknowledge',
      ),
    );
  }
  return el(
    'li',
    {
      className: `alert severity-${severity}${fresh ? ' fresh' : ''}`,
      dataset: { alertId: alert.alertId, status: alert.status },
    },
    el(
      'div',
      { className: 'alert-head' },
      el('span', { className: `badge severity severity-${severity}` }, alert.severity),
      el('span', { className: 'alert-type' }, (alert.type || '').replace(/_/g, ' ')),
      el('span', { className: 'alert-status' }, alert.status),
    ),
    el('p', { className: 'alert-message' }, alert.message || ''),
    el(
      'p',
      { className: 'alert-meta' },
      where,
      ' · opened ',
      time(alert.openedAt),
      alert.acknowledgedBy ? ` · acknowledged by ${alert.acknowledgedBy}` : null,
    ),
    actions,
  );
}

/** Acknowledges the version the operator saw; a 409 means someone acted first. */
async function acknowledge(alert) {
  clearProblem();
  const view = state.view; // an answer arriving after the building changed is not shown
  try {
    const path = `alerts/${segment(alert.alertId, ALERT_ID_PATTERN)}`;
    const response = await api(`${path}/acknowledge`, {
      method: 'POST',
      headers: { 'If-Match': `"${alert.version || 0}"`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    const changed = await response.json();
    if (view === state.view) {
      upsertAlert(changed, false);
      renderAlerts();
    }
  } catch (error) {
    if (view !== state.view) {
      return;
    }
    showProblem(error);
    if (error.status === 409) {
      try {
        const path = `alerts/${segment(alert.alertId, ALERT_ID_PATTERN)}`;
        const current = await (await api(path)).json();
        if (view === state.view) {
          upsertAlert(current, false);
          renderAlerts();
        }
      } catch (e) {
        // the problem shown already tells the operator to look again
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Wiring

function start() {
  $('token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const token = $('token-input').value.trim().replace(/^Bearer\s+/i, '');
    $('token-input').value = '';
    if (token) {
      signIn(token);
    }
  });
  $('token-forget').addEventListener('click', signOut);
  $('status-filter').addEventListener('change', () => {
    if (state.buildingId) {
      loadDevices();
    }
  });
  const saved = sessionStorage.getItem(TOKEN_KEY);
  if (saved) {
    signIn(saved);
  }
}

start();
