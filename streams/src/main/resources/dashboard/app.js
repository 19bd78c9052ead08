// newsflow dashboard: reads the query API, refreshes on each server-sent event. Every piece of data goes into the page
// through textContent, never as HTML: a title holding <script> shows as text.

// a token given in the page's address (?access_token=...) goes with every call: EventSource cannot send headers
const token = new URLSearchParams(location.search).get('access_token');
const withToken = (path) => (token ? `${path}${path.includes('?') ? '&' : '?'}access_token=${encodeURIComponent(token)}` : path);
const api = (path) => fetch(withToken(path)).then((r) => (r.ok ? r.json() : Promise.reject(new Error(path + ': ' + r.status))));
let selected = null; // {key, label}

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function windowText(w) {
  return w ? `${w.spec}: ${w.start.replace('T', ' ').replace(':00Z', ' UTC')} to ${w.end.replace('T', ' ').replace(':00Z', ' UTC')}` : '';
}

async function top(dimension, window) {
  const answer = await api(`/api/top?dimension=${dimension}&window=${window}&n=10`);
  document.getElementById(`window-${dimension}-${window}`).textContent = windowText(answer.window);
  const list = document.getElementById(`top-${dimension}-${window}`);
  list.replaceChildren(...answer.items.map((item) => {
    const li = el('li');
    const row = el('div', null, 'row');
    row.append(el('span', item.label, 'name'), el('span', `${plural(item.articles, 'article')}, ${plural(item.mentions, 'mention')}`, 'count'));
    li.append(row);
    li.dataset.key = item.key;
    li.addEventListener('click', () => { selected = { key: item.key, label: item.label }; series(); });
    return li;
  }));
  return answer;
}

async function series() {
  if (!selected) return;
  document.getElementById('series-label').textContent = selected.label;
  const newest = await api('/api/top?dimension=leaders&window=1h-5m&n=1');
  const to = newest.window ? newest.window.end : new Date().toISOString();
  const from = new Date(Date.parse(to) - 7 * 24 * 3600 * 1000).toISOString();
  const answer = await api(`/api/series?key=${encodeURIComponent(selected.key)}&window=1d&from=${from}&to=${to}`);
  const svg = document.getElementById('series');
  const points = answer.points;
  const max = Math.max(1, ...points.map((p) => p.articles));
  const first = Date.parse(from), span = Math.max(1, Date.parse(to) - first);
  const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
  line.setAttribute('points', points.map((p) => `${((p.windowStart - first) / span) * 600},${115 - (p.articles / max) * 105}`).join(' '));
  svg.replaceChildren(line);
}

async function matrix() {
  const answer = await api('/api/matrix?window=24h-1h');
  const table = document.getElementById('matrix');
  const themes = [...answer.themes];
  const head = el('tr');
  head.append(el('th', ''), ...themes.map((t) => el('th', t)));
  const rows = Object.entries(answer.leaders).map(([id, name]) => {
    const tr = el('tr');
    tr.append(el('th', name, 'row'));
    const max = Math.max(1, ...answer.cells.map((c) => c.articles));
    for (const theme of themes) {
      const cell = answer.cells.find((c) => c.key === `pair:${id}|${theme}`);
      const td = el('td', cell ? cell.articles : '');
      if (cell) td.style.background = `rgba(43, 108, 176, ${0.15 + 0.85 * (cell.articles / max)})`;
      tr.append(td);
    }
    return tr;
  });
  table.replaceChildren(head, ...rows);
}

async function latest() {
  const articles = await api('/api/articles?n=10');
  document.getElementById('latest').replaceChildren(...articles.map((a) => {
    const li = el('li');
    li.append(el('strong', a.title));
    li.append(el('div', [...a.leaders.map((l) => l.name), ...a.themes.map((t) => '#' + t.id)].join(' · '), 'tags'));
    return li;
  }));
}

async function refresh() {
  try {
    await Promise.all([top('leaders', '1h-5m'), top('leaders', '24h-1h'), top('themes', '1h-5m'), top('themes', '24h-1h'),
      matrix(), latest(), series()]);
    document.getElementById('status').textContent = 'updated ' + new Date().toLocaleTimeString();
    document.body.dataset.loaded = 'true';
  } catch (e) {
    document.getElementById('status').textContent = 'waiting for the app: ' + e.message;
  }
}

// live updates: the server says when to look again; the stream opens once the first numbers are on the page
refresh().then(() => setTimeout(() => new EventSource(withToken('/api/events')).addEventListener('update', refresh), 3000));
