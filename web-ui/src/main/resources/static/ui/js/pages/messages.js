// Inboxes and conversations: a buyer's at /messages, an artisan's in the studio, the reported
// ones for admins; one conversation at /messages/{id}, updated as messages arrive.
import { fill, h, announce } from '../dom.js';
import { dateTime, t } from '../i18n.js';
import { api, query } from '../api.js';
import { session } from '../session.js';
import { live } from '../live.js';
import { pageHeading, pageParam, pager } from '../components.js';
import { alertBox, describe } from '../errors.js';
import { refreshUnread } from '../messages.js';
import { studioNav } from './studio.js';
import { adminNav } from './admin.js';

function signInFirst(navigate) {
  navigate(`/signin?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
  return h('div');
}

export async function inboxPage(context) {
  return inbox(context, '/messages', null);
}

export async function studioInboxPage(context) {
  return inbox(context, '/studio/messages', studioNav('/studio/messages'));
}

export async function adminConversationsPage(context) {
  return inbox(context, '/admin/conversations', adminNav('/admin/conversations'));
}

async function inbox({ query: params, navigate, onLeave, current }, path, nav) {
  if (!session.user()) return signInFirst(navigate);
  const page = pageParam(params);
  const list = h('div', { id: 'inbox' });
  const draw = async () => {
    const result = (await api(`/api/conversations${query({ page, size: 20 })}`)).data;
    if (!current()) return;
    fill(list,
      result.items.length === 0 ? h('p', { class: 'muted', id: 'inbox-empty' }, t(session.hasRole('ADMIN') ? 'messages.noneReported' : 'messages.none'))
        : h('ul', { class: 'conversation-list' }, result.items.map((conversation) => h('li', {
          class: conversation.unread ? 'conversation-row unread' : 'conversation-row', dataset: { conversationId: conversation.id } },
        h('a', { href: `/messages/${encodeURIComponent(conversation.id)}` },
          h('strong', { class: 'with' }, conversation.with), ' · ', subjectText(conversation)),
        conversation.unread ? h('span', { class: 'badge unread-count' }, String(conversation.unread),
          h('span', { class: 'visually-hidden' }, ` ${t('messages.unread', { n: conversation.unread })}`)) : null,
        conversation.lastMessage ? h('p', { class: 'muted excerpt' }, excerpt(conversation.lastMessage.text)) : null,
        h('time', { class: 'muted', datetime: conversation.lastActivityAt }, dateTime(conversation.lastActivityAt))))),
      pager(result, (target) => `${path}${query({ page: target || '' })}`));
  };
  await draw();
  onLeave(live.on('message', () => draw().catch(() => {})));
  return h('div', { class: 'page inbox-page' },
    pageHeading(t(session.hasRole('ADMIN') ? 'messages.reportedTitle' : 'messages.title')),
    nav,
    list);
}

function subjectText(conversation) {
  return conversation.subject.type === 'ORDER'
    ? t('messages.aboutOrder', { id: conversation.subject.id.slice(-8) })
    : conversation.subject.title;
}

function excerpt(text) {
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

export async function conversationPage({ params: [id], navigate, onLeave, current }) {
  if (!session.user()) return signInFirst(navigate);
  let conversation = (await api(`/api/conversations/${encodeURIComponent(id)}`)).data;
  let messages = (await api(`/api/conversations/${encodeURIComponent(id)}/messages?size=30`)).data;
  const list = h('ol', { class: 'messages', id: 'messages', 'aria-live': 'polite' });
  const error = alertBox('error');
  const participant = Boolean(conversation.as);

  const drawMessages = () => {
    fill(list,
      messages.before ? h('li', { class: 'earlier' }, h('button', { type: 'button', class: 'link-button', id: 'earlier-messages', onclick: earlier }, t('messages.earlier'))) : null,
      messages.items.map((message) => h('li', { class: message.mine ? 'message mine' : 'message', dataset: { seq: String(message.seq) } },
        h('p', { class: 'message-meta muted' },
          message.mine ? t('messages.you') : (message.from === 'ARTISAN' ? conversation.artisanName : conversation.buyerName),
          ' · ', h('time', { datetime: message.at }, dateTime(message.at))),
        h('p', { class: 'message-text' }, message.text))));
  };

  const earlier = async () => {
    try {
      const older = (await api(`/api/conversations/${encodeURIComponent(id)}/messages${query({ before: messages.before, size: 30 })}`)).data;
      messages = { items: [...older.items, ...messages.items], before: older.before };
      drawMessages();
    } catch (failure) {
      error.show(describe(failure));
    }
  };

  const markRead = async () => {
    if (!participant || !conversation.unread) return;
    try {
      conversation = (await api(`/api/conversations/${encodeURIComponent(id)}/read`, { method: 'POST' })).data;
      refreshUnread();
    } catch {
      // Read marks come back with the next message.
    }
  };

  // New messages arrive on the live stream; the newest page is read again and merged.
  const refresh = async () => {
    const newest = (await api(`/api/conversations/${encodeURIComponent(id)}/messages?size=30`)).data;
    if (!current()) return;
    const known = new Set(messages.items.map((message) => message.seq));
    const added = newest.items.filter((message) => !known.has(message.seq));
    if (added.length === 0) return;
    messages = { items: [...messages.items, ...added], before: messages.before };
    drawMessages();
    added.filter((message) => !message.mine).forEach((message) => announce(message.text));
    conversation.unread = added.filter((message) => !message.mine).length;
    markRead();
  };
  onLeave(live.on('message', (event) => {
    if (event.conversationId === id) refresh().catch(() => {});
  }));
  // Polling only while the live stream is not open.
  const timer = setInterval(() => { if (!live.connected() && current()) refresh().catch(() => {}); }, 5000);
  onLeave(() => clearInterval(timer));

  const text = h('textarea', { name: 'text', id: 'message-text', rows: '3', maxlength: '4000', required: true });
  const form = participant ? h('form', { class: 'message-form', onsubmit: async (event) => {
    event.preventDefault();
    error.show('');
    try {
      await api(`/api/conversations/${encodeURIComponent(id)}/messages`, { method: 'POST', body: { text: text.value } });
      text.value = '';
      await refresh();
    } catch (failure) {
      error.show(describe(failure));
    }
  } },
  h('label', { for: 'message-text' }, t('messages.reply')),
  text,
  h('button', { type: 'submit', class: 'button', id: 'send-message' }, t('messages.send'))) : null;

  const reason = h('input', { name: 'reason', id: 'report-reason', maxlength: '500', required: true });
  const reported = alertBox('success');
  const report = participant ? h('details', { class: 'report-conversation' },
    h('summary', {}, t('messages.report')),
    h('form', { onsubmit: async (event) => {
      event.preventDefault();
      try {
        await api(`/api/conversations/${encodeURIComponent(id)}/report`, { method: 'POST', body: { reason: reason.value } });
        reported.show(t('messages.reported'));
      } catch (failure) {
        error.show(describe(failure));
      }
    } },
    h('label', { for: 'report-reason' }, t('messages.reportReason')), reason,
    h('button', { type: 'submit', class: 'button secondary', id: 'send-report' }, t('messages.reportSend'))),
    reported) : null;

  drawMessages();
  markRead();
  const subject = conversation.subject.type === 'ORDER'
    ? h('a', { href: `/orders/${encodeURIComponent(conversation.subject.id)}` }, t('messages.aboutOrder', { id: conversation.subject.id.slice(-8) }))
    : h('a', { href: `/products/${encodeURIComponent(conversation.subject.id)}` }, conversation.subject.title);
  return h('div', { class: 'page narrow conversation-page' },
    pageHeading(t('messages.with', { name: conversation.with })),
    h('p', { class: 'muted', id: 'conversation-subject' }, t('messages.about'), ' ', subject),
    !participant && conversation.reports?.length ? h('ul', { class: 'alert info' }, conversation.reports.map((item) =>
      h('li', {}, t(`messages.reportBy.${item.by}`), ': ', item.reason))) : null,
    list,
    error,
    form,
    report,
    h('p', {}, h('a', { href: session.hasRole('ARTISAN') ? '/studio/messages' : session.hasRole('ADMIN') ? '/admin/conversations' : '/messages' }, t('messages.back'))));
}
