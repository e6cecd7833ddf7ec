import { t, translate, switchLanguage, language } from './i18n.js';
import { trafficChart } from './traffic-chart.js';

// Everything on the console comes from the admin API (/api/v1/admin); changes carry the session's CSRF token.
let csrfToken = '';
let refresher = null;

async function api(path, options = {}) {
  const headers = { ...(options.headers ?? {}) };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if ((options.method ?? 'GET') !== 'GET') {
    headers['X-CSRF-Token'] = csrfToken;
  }
  const answer = await fetch('/api/v1/admin' + path, { ...options, headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  if (answer.status === 401) {
    location.href = '/console/login.html';
    throw new Error('logged out');
  }
  const body = answer.status === 204 ? null : await answer.json();
  if (!answer.ok) {
    throw new Error(body?.detail ?? answer.statusText);
  }
  return body;
}

// Characters that reorder or hide text (bidirectional overrides and isolates, marks, zero-width joiners): a firm's
// "stock\u202Egpj.exe" would read as "stockexe.jpg". The console shows each one as its code point.
const HIDDEN_FORMATTING = /[\u061C\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

function visible(text) {
  return String(text).replace(HIDDEN_FORMATTING,
    c => `[U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}]`);
}

/** An element with attributes and children (text is always set as text, never parsed as HTML, formatting shown). */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name.startsWith('on')) {
      node.addEventListener(name.substring(2), value);
    } else if (value !== undefined && value !== null && value !== false) {
      node.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children.flat()) {
    node.append(child instanceof Node ? child : document.createTextNode(visible(child ?? '')));
  }
  return node;
}

function table(id, headers, rows) {
  return el('table', { id }, el('thead', {}, el('tr', {}, headers.map(h => el('th', {}, t(h))))),
    el('tbody', {}, rows));
}

function locale() {
  return language() === 'zh' ? 'zh-CN' : 'en-GB';
}

function time(value) {
  return value ? new Date(value).toLocaleString(locale()) : '';
}

function percent(rate) {
  return (rate * 100).toFixed(1) + '%';
}

function notice(text, kind = 'info') {
  return el('p', { class: kind, role: 'status' }, text);
}

function show(...content) {
  const page = document.getElementById('page');
  page.replaceChildren(...content);
}

async function guarded(action, after) {
  try {
    await action();
    if (after) {
      await after();
    }
  } catch (e) {
    document.getElementById('page').prepend(notice(t('error') + ': ' + e.message, 'error'));
  }
}

const pages = {
  async overview() {
    const o = await api('/overview?minutes=60');
    const byType = new Map();
    for (const r of o.traffic) {
      const key = `${t(r.direction === 'IN' ? 'in' : 'out')} · ${r.channel} · ${r.type}`;
      byType.set(key, (byType.get(key) ?? 0) + r.accepted + r.rejected);
    }
    show(
      el('h2', {}, t('overview')),
      el('div', { class: 'tiles' },
        el('div', { class: 'tile' }, el('span', {}, t('accepted')), el('b', { id: 'accepted' }, String(o.accepted))),
        el('div', { class: 'tile' }, el('span', {}, t('rejected')), el('b', { id: 'rejected' }, String(o.rejected))),
        el('div', { class: 'tile' }, el('span', {}, t('rejectionRate')), el('b', { id: 'rejection-rate' }, percent(o.rejectionRate))),
        el('div', { class: 'tile' }, el('span', {}, t('backlog')), el('b', { id: 'backlog' }, String(o.backlog))),
        el('div', { class: 'tile' }, el('span', {}, t('deadLetters')), el('b', { id: 'dead-letters' }, String(o.deadLetters))),
        el('div', { class: 'tile' }, el('span', {}, t('alerts')), el('b', { id: 'alert-count' }, String(o.alerts.length)))),
      el('h3', {}, t('perMinute')),
      trafficChart(o.traffic, o.minutes, d => t(d === 'IN' ? 'in' : 'out'), locale()),
      el('h3', {}, t('byType')),
      table('traffic-by-type', ['type', 'total'], [...byType.entries()].sort().map(([k, n]) =>
        el('tr', {}, el('td', {}, k), el('td', {}, String(n))))),
      el('h3', {}, t('alerts')),
      alertTable(o.alerts));
    refresh(pages.overview, 15000);
  },

  async routes() {
    const { routes } = await api('/routes');
    show(el('h2', {}, t('routes')), table('routes-table',
      ['id', 'state', 'exchanges', 'failures', 'meanMs', 'maxMs', 'actions'],
      routes.map(r => el('tr', { 'data-route': r.id },
        el('td', { title: r.from }, r.id), el('td', { class: 'state' }, r.state), el('td', {}, String(r.exchanges ?? '')),
        el('td', {}, String(r.failures ?? '')), el('td', {}, String(r.meanMillis ?? '')), el('td', {}, String(r.maxMillis ?? '')),
        el('td', {}, r.stoppable ? el('button', { onclick: () => guarded(() =>
          api(`/routes/${encodeURIComponent(r.id)}/${r.state === 'Started' ? 'stop' : 'start'}`, { method: 'POST' }), pages.routes) },
        t(r.state === 'Started' ? 'stop' : 'start')) : '')))));
  },

  async participants() {
    const [{ participants }, { profiles }] = await Promise.all([api('/participants'), api('/profiles')]);
    const list = table('participants-table',
      ['id', 'name', 'roles', 'lastActivity', 'filesReceived', 'lastDayRate', 'backlog', 'actions'],
      participants.map(p => el('tr', { 'data-participant': p.id },
        el('td', {}, p.id), el('td', {}, p.name), el('td', {}, p.roles.join(', ')),
        el('td', {}, Object.entries(p.lastActivity).map(([c, at]) => `${c}: ${time(at)}`).join('; ')),
        el('td', {}, String(p.filesReceived)), el('td', {}, percent(p.lastDay.rejectionRate)), el('td', {}, String(p.backlog)),
        el('td', {},
          el('button', { class: 'link', onclick: () => participantForm(p, profiles) }, t('edit')),
          el('button', { class: 'link rotate-key', onclick: () => rotate(p.id, 'api-key', 'apiKey') }, t('rotateKey')),
          el('button', { class: 'link rotate-ftp', onclick: () => rotate(p.id, 'ftp-password', 'ftpPassword') }, t('rotateFtp'))))));
    show(el('h2', {}, t('participants')),
      el('button', { id: 'onboard', onclick: () => participantForm(null, profiles) }, t('onboard')),
      el('div', { id: 'participant-editor' }), list);
  },

  async files() {
    const { files } = await api('/files?limit=100');
    show(el('h2', {}, t('files')), table('files-table',
      ['file', 'participant', 'folder', 'status', 'received', 'progress', 'accepted', 'rejected', 'receipt'],
      files.map(f => el('tr', { 'data-file': f.fileName },
        el('td', {}, f.fileName), el('td', {}, f.participant), el('td', {}, f.folder), el('td', { class: 'status' }, f.status),
        el('td', {}, time(f.receivedAt)), el('td', {}, f.reason ? el('span', { class: 'reason' }, f.reason) : progress(f)),
        el('td', { class: 'accepted' }, String(f.accepted ?? '')), el('td', { class: 'rejected' }, String(f.rejected ?? '')),
        el('td', {}, f.receiptName ? el('a', { href: `/api/v1/admin/files/${f.id}/receipt`, class: 'receipt',
          download: f.receiptName }, t('download')) : '')))));
    // live while a file is being read
    refresh(pages.files, files.some(f => f.status === 'PROCESSING') ? 1000 : 2000);
  },

  async messages() {
    const form = el('form', { id: 'message-search', class: 'filters' },
      ...['id', 'key', 'type', 'sender', 'status'].map(name =>
        el('label', {}, t(name), el('input', { name, size: name === 'key' ? 24 : 12 }))),
      el('label', {}, t('from'), el('input', { name: 'from', type: 'datetime-local' })),
      el('label', {}, t('to'), el('input', { name: 'to', type: 'datetime-local' })),
      el('button', { type: 'submit' }, t('search')));
    const results = el('div', { id: 'message-results' });
    const detail = el('div', { id: 'message-detail' });
    form.addEventListener('submit', event => {
      event.preventDefault();
      const query = new URLSearchParams();
      new FormData(form).forEach((value, name) => {
        if (value) {
          query.set(name, name === 'from' || name === 'to' ? new Date(value).toISOString() : value);
        }
      });
      guarded(async () => {
        const page = await api('/messages?' + query);
        results.replaceChildren(table('messages-table', ['id', 'type', 'sender', 'received', 'status'],
          page.items.map(m => el('tr', { class: 'clickable', onclick: () => guarded(async () =>
            detail.replaceChildren(messageDetail(await api('/messages/' + m.messageId)))) },
          el('td', {}, m.messageId), el('td', {}, m.type), el('td', {}, m.sender), el('td', {}, time(m.receivedAt)),
          el('td', {}, m.status)))));
      });
    });
    show(el('h2', {}, t('messages')), form, results, detail);
  },

  async documents() {
    const types = ['order', 'payment', 'waybill', 'shipment-event', 'product', 'stock-movement', 'inventory-declaration',
      'inventory-cancellation', 'inventory-refund', 'warehouse-in-list', 'customs-receipt', 'tax-bill'];
    const form = el('form', { id: 'document-search', class: 'filters' },
      el('label', {}, t('type'), el('select', { name: 'type' }, el('option', { value: '' }, t('anyType')),
        types.map(type => el('option', { value: type }, type)))),
      el('label', {}, t('identity'), el('input', { name: 'id', size: 36 })),
      el('button', { type: 'submit' }, t('search')));
    const results = el('div', { id: 'document-results' });
    const detail = el('div', { id: 'document-detail' });
    form.addEventListener('submit', event => {
      event.preventDefault();
      const query = new URLSearchParams();
      new FormData(form).forEach((value, name) => value && query.set(name, value));
      guarded(async () => {
        const { items } = await api('/documents?' + query);
        results.replaceChildren(items.length === 0 ? notice(t('noDocuments')) : table('documents-table',
          ['type', 'id', 'state', 'revision', 'sender', 'updated'],
          items.map(d => el('tr', { class: 'clickable', 'data-document': `${d.type}/${d.id}`, onclick: () => guarded(async () =>
            detail.replaceChildren(documentHistory(await api(
              `/documents/${encodeURIComponent(d.type)}/${encodeURIComponent(d.id)}`)))) },
          el('td', {}, d.type), el('td', {}, d.id), el('td', { class: 'state-' + d.state }, t(d.state)),
          el('td', {}, String(d.revision)), el('td', {}, d.sender), el('td', {}, time(d.updatedAt))))));
      });
    });
    show(el('h2', {}, t('documents')), form, results, detail);
  },

  async declarations() {
    const states = ['SUBMITTED', 'DECLARED', 'ACCEPTED', 'REVIEW', 'CONCLUDED', 'INSPECTION', 'DETAINED', 'RELEASED',
      'CLOSED', 'REJECTED', 'FAILED', 'RETURNED', 'CANCELLED', 'REFUNDED'];
    const detail = el('div', { id: 'declaration-detail' });
    const rows = list => list.map(d => el('tr', { class: 'clickable' + (d.stuck ? ' stuck' : ''), 'data-declaration': d.copNo,
      onclick: () => guarded(async () => detail.replaceChildren(declarationTimeline(await api(
        '/declarations/' + encodeURIComponent(d.copNo))))) },
      el('td', {}, d.copNo), el('td', {}, d.orderNo ?? ''), el('td', {}, d.invtNo ?? ''),
      el('td', { class: 'declaration-state state-' + d.state }, t(d.state) + (d.stuck ? ' ⏱' : '')),
      el('td', {}, d.status ?? ''), el('td', {}, time(d.statusAt)), el('td', {}, d.reason ?? '')));
    const headers = ['copNo', 'orderNo', 'invtNo', 'state', 'returnStatus', 'customsTime', 'reason'];
    const filter = el('select', { id: 'declaration-state-filter' }, el('option', { value: '' }, t('anyState')),
      states.map(s => el('option', { value: s }, t(s))));
    const latest = el('div', { id: 'declaration-latest' });
    const load = async () => {
      const answer = await api('/declarations?limit=100' + (filter.value ? '&state=' + filter.value : ''));
      latest.replaceChildren(answer.items.length === 0 ? notice(t('none')) : table('declarations-table', headers, rows(answer.items)));
      return answer;
    };
    filter.addEventListener('change', () => guarded(load));
    const answer = await load();
    show(el('h2', {}, t('declarations')),
      el('div', { class: 'tiles', id: 'declaration-counts' }, states.filter(s => answer.counts[s]).map(s =>
        el('div', { class: 'tile', 'data-state': s }, el('span', {}, t(s)), el('b', {}, String(answer.counts[s]))))),
      el('h3', {}, t('needsAttention')),
      answer.attention.length === 0 ? notice(t('none')) : table('declarations-attention', headers, rows(answer.attention)),
      el('h3', {}, t('latest')), el('label', {}, t('state'), filter), latest, detail);
  },

  async customs() {
    const states = ['PENDING', 'MATCHED', 'MISMATCH', 'DECLARED', 'RELEASED', 'REJECTED', 'CANCELLED'];
    const detail = el('div', { id: 'case-detail' });
    const filter = el('select', { id: 'case-state-filter' }, el('option', { value: '' }, t('anyState')),
      states.map(s => el('option', { value: s }, t(s))));
    const list = el('div', { id: 'case-list' });
    const load = async () => {
      const answer = await api('/customs/cases?limit=100' + (filter.value ? '&state=' + filter.value : ''));
      list.replaceChildren(answer.items.length === 0 ? notice(t('none')) : table('cases-table',
        ['ebpCode', 'orderNo', 'state', 'rules', 'updated'],
        answer.items.map(c => el('tr', { class: 'clickable', 'data-case': `${c.ebpCode}/${c.orderNo}`,
          onclick: () => guarded(async () => detail.replaceChildren(customsCase(await api(
            `/customs/cases/${encodeURIComponent(c.ebpCode)}/${encodeURIComponent(c.orderNo)}`)))) },
          el('td', {}, c.ebpCode), el('td', {}, c.orderNo), el('td', { class: 'case-state state-' + c.state }, t(c.state)),
          el('td', {}, c.rules.join(' ')), el('td', {}, time(c.updatedAt))))));
      return answer;
    };
    filter.addEventListener('change', () => guarded(load));
    const [answer, compliance] = await Promise.all([load(), api('/customs/compliance?days=14')]);
    show(el('h2', {}, t('customs')),
      el('div', { class: 'tiles', id: 'case-counts' }, states.filter(s => answer.counts[s]).map(s =>
        el('div', { class: 'tile', 'data-state': s }, el('span', {}, t(s)), el('b', {}, String(answer.counts[s]))))),
      el('h3', {}, t('cases')), el('label', {}, t('state'), filter), list, detail,
      el('h3', {}, t('compliance')),
      compliance.platforms.length === 0 ? notice(t('none')) : table('compliance-table', ['platform', 'day', 'rules'],
        compliance.platforms.flatMap(p => p.days.map(d => el('tr', { 'data-platform': p.ebpCode },
          el('td', {}, p.name ? `${p.name} (${p.ebpCode})` : p.ebpCode), el('td', {}, d.day),
          el('td', {}, Object.entries(d.rules).map(([rule, n]) => `${rule} × ${n}`).join(', ')))))));
  },

  async 'dead-letters'() {
    const { deadLetters } = await api('/dead-letters?limit=200');
    const act = (letter, action) => guarded(() => api('/dead-letters/' + action, { method: 'POST',
      body: { messageId: letter.messageId, recipient: letter.recipient } }), pages['dead-letters']);
    show(el('h2', {}, t('deadLetters')), deadLetters.length === 0 ? notice(t('none')) : '',
      table('dead-letters-table', ['id', 'recipient', 'type', 'sender', 'attempts', 'lastError', 'actions'],
        deadLetters.map(d => el('tr', { 'data-message': d.messageId },
          el('td', {}, d.messageId), el('td', {}, d.recipient), el('td', {}, d.type), el('td', {}, d.sender),
          el('td', {}, String(d.attempts)), el('td', {}, d.lastError ?? ''),
          el('td', {},
            el('button', { class: 'replay', onclick: () => act(d, 'replay') }, t('replay')),
            el('button', { class: 'link discard', onclick: () => confirm(t('confirmDiscard')) && act(d, 'discard') },
              t('discard')))))));
  },

  async alerts() {
    const { alerts } = await api('/alerts');
    show(el('h2', {}, t('alerts')), alertTable(alerts));
    refresh(pages.alerts, 15000);
  },

  async audit() {
    const { entries } = await api('/audit?limit=200');
    show(el('h2', {}, t('audit')), table('audit-table', ['at', 'actor', 'action', 'target', 'detail'],
      entries.map(a => el('tr', {}, el('td', {}, time(a.at)), el('td', {}, a.actor), el('td', {}, a.action),
        el('td', {}, a.target ?? ''), el('td', {}, a.detail ?? '')))));
  }
};

/** A declaration's timeline: every customs answer in customs' order, and the documents it declares. */
function declarationTimeline(d) {
  const linked = (word, doc) => el('tr', {}, el('td', {}, t(word)), el('td', {}, doc?.messageId ?? t('none')),
    el('td', {}, doc?.customsStatus ?? ''), el('td', {}, time(doc?.customsStatusAt)), el('td', {}, doc?.customsReason ?? ''));
  return el('div', { id: 'declaration-timeline', class: 'card' },
    el('h3', {}, `${d.copNo} · `, el('span', { id: 'declaration-state', class: 'state-' + d.state }, t(d.state))),
    el('p', {}, `${t('orderNo')} ${d.orderNo ?? ''} · ${t('invtNo')} ${d.invtNo ?? ''} · ${t('tradeMode')} ${d.tradeMode ?? ''}`),
    table('declaration-history', ['messageCode', 'returnStatus', 'state', 'customsTime', 'reason', 'received'],
      d.history.map(e => el('tr', { class: 'event state-' + (e.state ?? 'none'), 'data-status': e.status },
        el('td', {}, e.messageCode), el('td', {}, String(e.status)), el('td', {}, e.state ? t(e.state) : ''),
        el('td', {}, time(e.statusAt)), el('td', {}, e.reason ?? ''), el('td', {}, time(e.receivedAt))))),
    table('declaration-documents', ['document', 'id', 'returnStatus', 'customsTime', 'reason'],
      [linked('order', d.order), linked('payment', d.payment), linked('waybill', d.waybill)]));
}

/** A customs case: what is missing, the findings with both values, tax and quota, and its timeline. */
function customsCase(c) {
  const money = value => value === undefined || value === null ? '' : String(value);
  return el('div', { id: 'case-card', class: 'card' },
    el('h3', {}, `${c.platform ?? c.ebpCode} · ${c.orderNo} · `,
      el('span', { id: 'case-state', class: 'state-' + c.state }, t(c.state))),
    c.missing.length === 0 ? '' : el('p', { id: 'case-missing' }, `${t('missing')}: ${c.missing.map(m => t(m)).join(', ')}`),
    c.findings.length === 0 ? notice(t('noFindings')) : table('case-findings',
      ['rule', 'severity', 'message', 'field', 'value', 'otherField', 'otherValue'],
      c.findings.flatMap(f => (f.fields.length === 0 ? [{}] : f.fields).map(pair =>
        el('tr', { class: 'finding severity-' + f.severity, 'data-rule': f.rule },
          el('td', {}, f.rule), el('td', {}, t(f.severity)), el('td', {}, f.message), el('td', {}, pair.field ?? ''),
          el('td', {}, pair.value ?? ''), el('td', {}, pair.otherField ?? ''), el('td', {}, pair.otherValue ?? ''))))),
    el('p', { id: 'case-tax' }, `${t('tax')}: ${t('declared')} ${money(c.tax.taxTotal)} · `
      + (c.tax.computed !== undefined ? `${t('computed')} ${money(c.tax.computed)}` : (c.tax.notAssessed ?? ''))),
    c.quota ? el('p', { id: 'case-quota' }, `${t('quota')} ${c.quota.year}: ${t('used')} ${c.quota.usedByOtherDeclarations}`
      + ` + ${c.quota.transaction} / ${c.quota.annualLimit} · ${t('remaining')} ${c.quota.remaining}`) : '',
    table('case-timeline', ['at', 'what', 'by', 'detail', 'id'],
      c.timeline.map(e => el('tr', { class: 'event', 'data-what': e.what }, el('td', {}, time(e.at)),
        el('td', {}, t(e.what)), el('td', {}, e.by), el('td', {}, e.detail), el('td', {}, e.messageId)))));
}

function alertTable(alerts) {
  return alerts.length === 0 ? notice(t('noAlerts')) : table('alerts-table', ['kind', 'subject', 'detail', 'since'],
    alerts.map(a => el('tr', { class: 'alert' }, el('td', {}, a.kind), el('td', {}, a.subject), el('td', {}, a.detail),
      el('td', {}, time(a.since)))));
}

function progress(file) {
  const done = file.rowsDone ?? 0;
  const total = file.rowsTotal;
  const bar = el('progress', { max: total || 1, value: file.status === 'DONE' ? (total || 1) : Math.min(done, total || 0) });
  return el('span', { class: 'progress' }, bar, ` ${done}${total ? ' / ' + total : ''}`);
}

function messageDetail(m) {
  return el('div', { class: 'card' },
    el('h3', {}, `${m.type} ${m.messageId}`),
    el('p', {}, `${t('sender')}: ${m.sender} · ${m.channel} · ${m.source} · ${time(m.receivedAt)} · ${m.status}`),
    el('h4', {}, t('deliveries')),
    table('deliveries-table', ['recipient', 'status', 'attempts', 'lastError'], m.deliveries.map(d =>
      el('tr', {}, el('td', {}, d.recipient), el('td', {}, d.status), el('td', {}, String(d.attempts)),
        el('td', {}, d.lastError ?? '')))),
    el('h4', {}, t('history')),
    table('history-table', ['at', 'recipient', 'action', 'detail'], m.history.map(h =>
      el('tr', {}, el('td', {}, time(h.at)), el('td', {}, h.recipient), el('td', {}, h.event), el('td', {}, h.detail ?? '')))),
    el('pre', {}, JSON.stringify(m.payload, null, 2)));
}

const ACTION_WORDS = { new: 'actionNew', modify: 'actionModify', cancel: 'actionCancel' };

/** A document's revisions, newest first, each with what changed from the one before and where its copies went. */
function documentHistory(d) {
  return el('div', { class: 'card', id: 'document-history' },
    el('h3', {}, `${d.type} ${d.id}`),
    el('p', {}, `${t('state')}: `, el('span', { class: 'state-' + d.state, id: 'document-state' }, t(d.state)),
      ` · ${t('revision')} ${d.revision}`),
    [...d.revisions].reverse().map(r => el('section', { class: 'revision', 'data-revision': String(r.revision) },
      el('h4', {}, `${t('revision')} ${r.revision} · ${t(ACTION_WORDS[r.action])} · ${r.sender} · ${r.channel} · ${time(r.receivedAt)}`),
      el('p', {}, r.messageId),
      r.changes.length === 0 ? notice(r.revision === 1 ? t('noChanges') : '') : table(null, ['field', 'before', 'after'],
        r.changes.map(c => el('tr', { class: 'diff' }, el('td', {}, c.field),
          el('td', { class: 'before' }, c.before ?? ''), el('td', { class: 'after' }, c.after ?? '')))),
      table(null, ['recipient', 'status', 'attempts', 'lastError'], r.deliveries.map(c =>
        el('tr', {}, el('td', {}, c.recipient), el('td', {}, c.status), el('td', {}, String(c.attempts)),
          el('td', {}, c.lastError ?? '')))))));
}

async function rotate(id, what, field) {
  if (!confirm(t(what === 'api-key' ? 'confirmKey' : 'confirmFtp') + ' ' + id)) {
    return;
  }
  await guarded(async () => {
    const answer = await api(`/participants/${encodeURIComponent(id)}/${what}`, { method: 'POST' });
    document.getElementById('page').prepend(el('p', { class: 'secret', id: 'new-secret' }, t('shownOnce'),
      el('code', {}, answer[field])));
  });
}

function lines(map) {
  return Object.entries(map ?? {}).map(([k, v]) => `${k}=${v}`).join('\n');
}

function parseLines(text) {
  const map = {};
  text.split('\n').map(l => l.trim()).filter(Boolean).forEach(l => {
    const at = l.indexOf('=');
    map[l.substring(0, at).trim()] = l.substring(at + 1).trim();
  });
  return map;
}

function participantForm(existing, profiles) {
  const roles = ['PLATFORM', 'MERCHANT', 'PAYMENT', 'LOGISTICS', 'WAREHOUSE', 'BROKER', 'CUSTOMS', 'ADMIN'];
  const d = existing?.delivery ?? { channel: 'queue', format: 'json' };
  const form = el('form', { id: 'participant-form', class: 'card' },
    el('label', {}, t('id'), el('input', { name: 'id', value: existing?.id, required: true, readonly: !!existing })),
    el('label', {}, t('name'), el('input', { name: 'name', value: existing?.name, required: true, size: 40 })),
    el('fieldset', {}, el('legend', {}, t('roles')), roles.map(r => el('label', { class: 'inline' },
      el('input', { type: 'checkbox', name: 'roles', value: r, checked: existing?.roles.includes(r) }), r))),
    el('label', {}, t('codes'), el('textarea', { name: 'codes', rows: 3 }, lines(existing?.codes))),
    el('label', {}, t('profiles'), el('textarea', { name: 'profiles', rows: 3 }, lines(existing?.profiles)),
      el('small', {}, profiles.map(p => `${p.name} (${p.type}, ${p.encoding})`).join(' · '))),
    el('fieldset', {}, el('legend', {}, t('delivery')),
      el('label', {}, t('channel'), el('select', { name: 'channel' }, ['queue', 'ftp', 'webhook'].map(c =>
        el('option', { value: c, selected: d.channel === c }, c)))),
      el('label', {}, t('format'), el('select', { name: 'format' }, ['json', 'xml', 'csv', 'ceb-xml'].map(f =>
        el('option', { value: f, selected: d.format === f }, f)))),
      el('label', {}, t('url'), el('input', { name: 'url', value: d.url, size: 40 })),
      el('label', {}, t('secret'), el('input', { name: 'secret', type: 'password', autocomplete: 'new-password' }))),
    el('p', { class: 'error', id: 'participant-error', role: 'alert' }),
    el('button', { type: 'submit', id: 'participant-save' }, t('save')),
    el('button', { type: 'button', class: 'link', onclick: () => form.remove() }, t('cancel')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const data = new FormData(form);
    const delivery = { channel: data.get('channel'), format: data.get('format') };
    if (data.get('url')) {
      delivery.url = data.get('url');
    }
    if (data.get('secret')) {
      delivery.secret = data.get('secret');
    }
    const body = { id: data.get('id'), name: data.get('name'), roles: data.getAll('roles'),
      codes: parseLines(data.get('codes')), profiles: parseLines(data.get('profiles')), delivery };
    try {
      const answer = await api(existing ? `/participants/${encodeURIComponent(existing.id)}` : '/participants',
        { method: existing ? 'PUT' : 'POST', body });
      await pages.participants();
      document.getElementById('page').prepend(existing ? notice(t('saved'))
        : el('p', { class: 'secret', id: 'new-secret' }, t('shownOnce'), el('code', {}, `API key ${answer.apiKey}`), ' ',
          el('code', {}, `FTP ${answer.ftpPassword}`)));
    } catch (e) {
      document.getElementById('participant-error').textContent = e.message;
    }
  });
  document.getElementById('participant-editor').replaceChildren(form);
}

function refresh(page, millis) {
  clearTimeout(refresher);
  refresher = setTimeout(() => {
    if (location.hash.substring(1) === page.name || (page.name === 'overview' && !location.hash)) {
      page().catch(() => {});
    }
  }, millis);
}

async function open() {
  clearTimeout(refresher);
  const name = location.hash.substring(1) || 'overview';
  document.querySelectorAll('#nav a').forEach(a => a.classList.toggle('active', a.getAttribute('href') === '#' + name));
  await guarded(() => (pages[name] ?? pages.overview)());
}

async function start() {
  const session = await api('/session');
  csrfToken = session.csrfToken;
  document.getElementById('who').textContent = session.user;
  translate(document);
  document.getElementById('language').addEventListener('click', () => { switchLanguage(); translate(document); open(); });
  document.getElementById('logout').addEventListener('click', async () => {
    await api('/logout', { method: 'POST' });
    location.href = '/console/login.html';
  });
  window.addEventListener('hashchange', open);
  await open();
}

start();
