// Conversations between buyers and artisans: the unread count in the header, "Ask the
// artisan" forms, and the toasts live events bring.
import { h } from './dom.js';
import { api } from './api.js';
import { t } from './i18n.js';
import { session } from './session.js';
import { live } from './live.js';
import { describe } from './errors.js';

let unread = 0;

/** Unread messages as last counted; the header shows it. */
export function unreadCount() {
  return unread;
}

/** Counts the signed-in user's unread messages again and tells the header. */
export async function refreshUnread() {
  if (!session.user() || session.hasRole('ADMIN')) {
    unread = 0;
    return;
  }
  try {
    unread = (await api('/api/conversations/unread')).data.messages;
  } catch {
    return;
  }
  const badge = document.getElementById('messages-count');
  if (badge) {
    badge.textContent = String(unread);
    badge.hidden = unread === 0;
  }
}

let newOrders = 0;

/** Confirmed orders an artisan heard of since they last opened their orders. */
export function newOrderCount() {
  return newOrders;
}

export function sawOrders() {
  newOrders = 0;
  const badge = document.getElementById('new-orders-count');
  if (badge) badge.hidden = true;
}

/** A short notice in the corner that leaves by itself; it is read out too. */
export function toast(text, href) {
  let area = document.getElementById('toasts');
  if (!area) {
    area = h('div', { id: 'toasts', class: 'toasts', role: 'status', 'aria-live': 'polite' });
    document.body.append(area);
  }
  const note = h('div', { class: 'toast' }, href ? h('a', { href }, text) : text,
    h('button', { type: 'button', class: 'link-button', 'aria-label': t('common.close'), onclick: () => note.remove() }, '×'));
  area.append(note);
  setTimeout(() => note.remove(), 8000);
}

live.on('message', () => {
  refreshUnread();
  if (!location.pathname.startsWith('/messages/') && !location.pathname.startsWith('/studio/messages/')) {
    toast(t('messages.toast'), session.hasRole('ARTISAN') ? '/studio/messages' : '/messages');
  }
});

live.on('new-order', (order) => {
  newOrders += 1;
  const badge = document.getElementById('new-orders-count');
  if (badge) {
    badge.textContent = String(newOrders);
    badge.hidden = false;
  }
  const first = order.lines?.[0];
  toast(first ? t('messages.newOrder', { title: first.title, n: first.quantity }) : t('messages.newOrderPlain'), '/studio/orders?status=CONFIRMED');
});

live.on('review', () => toast(t('messages.newReview'), '/studio/reviews'));

window.addEventListener('session-changed', () => {
  newOrders = 0;
  refreshUnread();
});

/**
 * A button that opens a small form to ask the artisan about `subject`
 * ({productId} or {orderId, artisanId}); sending starts or continues the conversation and
 * goes to it.
 */
export function askForm(subject, navigate, { id = 'ask-artisan', label = t('messages.ask') } = {}) {
  const wrapper = h('div', { class: 'ask-artisan' });
  if (!session.user()) {
    wrapper.append(h('a', { href: `/signin?next=${encodeURIComponent(location.pathname)}`, id }, label));
    return wrapper;
  }
  if (!session.hasRole('BUYER')) return null;
  const error = h('p', { class: 'alert error', role: 'alert', hidden: true });
  const text = h('textarea', { name: 'text', rows: '3', maxlength: '4000', required: true, id: `${id}-text` });
  const form = h('form', { class: 'ask-form', hidden: true, onsubmit: async (event) => {
    event.preventDefault();
    error.hidden = true;
    try {
      const { data } = await api('/api/conversations', { method: 'POST', body: { ...subject, text: text.value } });
      navigate(`/messages/${encodeURIComponent(data.id)}`);
    } catch (failure) {
      error.textContent = describe(failure);
      error.hidden = false;
    }
  } },
  h('label', { for: `${id}-text` }, t('messages.question')),
  text,
  h('button', { type: 'submit', class: 'button', id: `${id}-send` }, t('messages.send')),
  error);
  const open = h('button', { type: 'button', class: 'button secondary', id, onclick: () => {
    form.hidden = false;
    open.hidden = true;
    text.focus();
  } }, label);
  wrapper.append(open, form);
  return wrapper;
}
