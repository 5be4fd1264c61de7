// Live updates: one server-sent event stream per signed-in tab. EventSource cannot send the
// bearer token, so each connection first trades it for a single-use ticket; after a drop the
// stream is opened again with a new ticket and the id of the last event received, and the
// gateway replays what was missed. Pages subscribe by event name and keep polling only while
// the stream is not open (live.connected() is false).
import { session } from './session.js';

const NAMES = ['order-status', 'new-order', 'message', 'review'];
const listeners = new Map(NAMES.map((name) => [name, new Set()]));
let source = null;
let account = null;
let lastEventId = '';
let retry = null;
let failures = 0;
let open = false;

async function connect() {
  clearTimeout(retry);
  retry = null;
  const token = session.token();
  const mine = account;
  if (!token || !mine || typeof EventSource === 'undefined') return;
  let ticket;
  try {
    const response = await fetch('/api/me/events/ticket', { method: 'POST', headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
    if (!response.ok) throw new Error(`ticket ${response.status}`);
    ticket = (await response.json()).ticket;
  } catch {
    schedule();
    return;
  }
  if (account !== mine) return;
  const params = new URLSearchParams({ ticket });
  if (lastEventId) params.set('lastEventId', lastEventId);
  source = new EventSource(`/api/me/events?${params}`);
  source.addEventListener('ready', () => {
    open = true;
    document.documentElement.dataset.live = 'open';
    failures = 0;
    window.dispatchEvent(new CustomEvent('live-changed', { detail: { open } }));
  });
  for (const name of NAMES) {
    source.addEventListener(name, (event) => {
      if (event.lastEventId) lastEventId = event.lastEventId;
      let data = {};
      try {
        data = JSON.parse(event.data);
      } catch {
        return;
      }
      listeners.get(name).forEach((listener) => listener(data));
    });
  }
  // A ticket works once, so the browser's own reconnect cannot succeed: open a new one.
  source.onerror = () => {
    close();
    schedule();
  };
}

function schedule() {
  if (!account) return;
  failures += 1;
  retry = setTimeout(connect, Math.min(30_000, 1000 * 2 ** Math.min(failures, 5)));
}

function close() {
  if (source) source.close();
  source = null;
  document.documentElement.dataset.live = 'closed';
  if (open) {
    open = false;
    window.dispatchEvent(new CustomEvent('live-changed', { detail: { open } }));
  }
}

/** Follows the session: a stream while signed in, none once signed out. */
function follow() {
  const user = session.user()?.id ?? null;
  if (user === account) return;
  close();
  clearTimeout(retry);
  retry = null;
  lastEventId = '';
  failures = 0;
  account = user;
  if (user) connect();
}

// A page left for another keeps no stream: an open one held a connection (Chrome may keep the
// page in its back/forward cache), and with six connections per host over HTTP/1.1 a few pages
// left behind stalled every request of the page in front (seen in the browser tests).
window.addEventListener('pagehide', () => {
  close();
  clearTimeout(retry);
  retry = null;
});
window.addEventListener('pageshow', (event) => {
  if (event.persisted && account) connect();
});
window.addEventListener('session-changed', follow);
window.addEventListener('storage', (event) => { if (event.key === 'am.session') follow(); });

export const live = {
  start: follow,
  /** Whether the stream is open now; pages poll only while it is not. */
  connected: () => open,
  /** Calls listener(data) for each event of that name until the returned function is called. */
  on(name, listener) {
    listeners.get(name).add(listener);
    return () => listeners.get(name).delete(listener);
  },
};
